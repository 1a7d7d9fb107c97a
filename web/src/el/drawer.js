// Element Plus drawer (a detail beside a list).
import 'element-plus/es/components/drawer/style/css';
export { ElDrawer } from 'element-plus';
