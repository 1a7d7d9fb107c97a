// Element Plus sliders (the scenario editor).
import 'element-plus/es/components/slider/style/css';
export { ElSlider } from 'element-plus';
