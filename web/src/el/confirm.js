// Element Plus message box (a question before a delete).
import 'element-plus/es/components/message-box/style/css';
export { ElMessageBox } from 'element-plus';
