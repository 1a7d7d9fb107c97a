// The 3D view's ECharts: echarts-gl registers its components and series on
// the dashboard's own ECharts (echarts/core); its imports of the whole
// 'echarts/lib/echarts' namespace resolve to the few names it uses
// (vite.config.js, glNamespace), so the shared ECharts chunk the overview loads
// first keeps no more than the dashboard draws. Only what the view draws is
// installed (geo3D, bar3D, lines3D, scatter3D).
import { use, init, registerMap } from 'echarts/core';
import { TooltipComponent } from 'echarts/components';
import { Geo3DComponent } from 'echarts-gl/components';
import { Bar3DChart, Lines3DChart, Scatter3DChart } from 'echarts-gl/charts';
// echarts-gl builds its common 'shadow' shader from displayShadow's source,
// which only its mapbox3D and maptalks3D views (not installed here) register.
import graphicGL from 'echarts-gl/lib/util/graphicGL.js';
import displayShadowGLSL from 'echarts-gl/lib/util/shader/displayShadow.glsl.js';

graphicGL.Shader.import(displayShadowGLSL);

use([TooltipComponent, Geo3DComponent, Bar3DChart, Lines3DChart, Scatter3DChart]);

export { init, registerMap };
