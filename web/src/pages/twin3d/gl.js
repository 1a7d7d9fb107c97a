// The 3D view's own ECharts: this module's imports of echarts resolve to a copy
// bundled with ECharts GL in the 3D route's chunk (vite.config.js, glCopy), so
// the dashboard's ECharts chunk, which the overview loads first, does not grow.
import * as echarts from 'echarts/lib/echarts';
import { TooltipComponent } from 'echarts/components';
import 'echarts-gl';

echarts.use([TooltipComponent]);

export { echarts };
