// Element Plus, imported per component with its own stylesheet so a page
// carries only what it uses. base: the shell (and what the lazy pages share).
import 'element-plus/es/components/config-provider/style/css';
import 'element-plus/es/components/button/style/css';
import 'element-plus/es/components/message/style/css';
export { ElConfigProvider, ElButton, ElMessage } from 'element-plus';
