// ECharts with only the parts the dashboard uses (keeps the bundle small),
// drawn through vue-echarts' <v-chart> (which resizes and disposes them).
import * as echarts from 'echarts/core';
import { MapChart, ScatterChart, BarChart, LineChart, HeatmapChart } from 'echarts/charts';
import {
  GeoComponent,
  TooltipComponent,
  VisualMapComponent,
  LegendComponent,
  GridComponent,
  DataZoomComponent,
  CalendarComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  MapChart,
  ScatterChart,
  BarChart,
  LineChart,
  HeatmapChart,
  GeoComponent,
  TooltipComponent,
  VisualMapComponent,
  LegendComponent,
  GridComponent,
  DataZoomComponent,
  CalendarComponent,
  MarkLineComponent,
  TitleComponent,
  CanvasRenderer,
]);

export { echarts };
export { default as VChart } from 'vue-echarts';

// On a large screen (大屏, 1900 px and wider) chart text grows with the page's.
echarts.registerTheme('large', { textStyle: { fontSize: 15 } });
echarts.registerTheme('huge', { textStyle: { fontSize: 17 } });

export const bigScreen = () => window.matchMedia('(min-width: 1900px)').matches;
const hugeScreen = () => window.matchMedia('(min-width: 2400px)').matches;

// chartTheme names the theme for the window's width, for <v-chart :theme>.
export const chartTheme = () => (hugeScreen() ? 'huge' : bigScreen() ? 'large' : undefined);

export const statusColor = {
  reporting: '#2e9d5b',
  late: '#e6a23c',
  offline: '#8c939d',
  alarm: '#d64545',
};

export const levelColor = {
  blue: '#3a7bd5',
  yellow: '#d4b106',
  orange: '#f08a24',
  red: '#d64545',
};

export const gradeColor = {
  not_overloaded: '#9fd4a8',
  critical: '#f5d77a',
  overloaded: '#f2a65a',
  severely_overloaded: '#d9534f',
};

export const palette = ['#2f6fb0', '#46a0a8', '#8bbf5a', '#e6a23c', '#c96b8b', '#7a6fc9', '#5b8c6f', '#b08a5b'];

// esc escapes text placed into an ECharts HTML tooltip.
export const esc = (s) => echarts.format.encodeHTML(String(s ?? ''));
