// The 3D view's ECharts: echarts-gl registers its components and series on
// the ECharts it imports (echarts/lib/echarts), which is the dashboard's own;
// echarts-gl and claygl themselves stay in the 3D route's chunk (vite.config.js).
import * as echarts from 'echarts/lib/echarts';
import { TooltipComponent } from 'echarts/components';
import 'echarts-gl';

echarts.use([TooltipComponent]);

export { echarts };
