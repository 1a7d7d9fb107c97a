// Element Plus selects.
import 'element-plus/es/components/select/style/css';
import 'element-plus/es/components/option/style/css';
export { ElSelect, ElOption } from 'element-plus';
