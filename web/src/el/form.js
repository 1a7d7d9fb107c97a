// Element Plus forms.
import 'element-plus/es/components/form/style/css';
import 'element-plus/es/components/form-item/style/css';
import 'element-plus/es/components/input/style/css';
import 'element-plus/es/components/input-number/style/css';
import 'element-plus/es/components/date-picker/style/css';
import 'element-plus/es/components/alert/style/css';
import 'element-plus/es/components/radio-group/style/css';
import 'element-plus/es/components/radio-button/style/css';
import 'element-plus/es/components/dialog/style/css';
export { ElForm, ElFormItem, ElInput, ElInputNumber, ElDatePicker, ElAlert, ElRadioGroup, ElRadioButton, ElDialog } from 'element-plus';
