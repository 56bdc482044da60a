// Builds the three Electron targets: main (ESM), preload (CommonJS, as sandboxed preloads need)
// and the renderer (React). The web host serves the same renderer build.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: { index: resolve(__dirname, 'electron/main/index.ts'), 'indexer-worker': resolve(__dirname, 'electron/core/search/indexer-worker.ts') }, formats: ['es'] },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      externalizeDeps: true,
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    // pdf.js data files (cmaps, standard fonts, wasm, ICC profiles), copied from pdfjs-dist by
    // scripts/copy-pdfjs-assets.mjs and served offline at ./pdfjs/.
    publicDir: resolve(__dirname, 'resources/public'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Smaller scripts parse sooner: the first page of a document is shown earlier.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          // Standalone PDF viewer page for browser tests and benchmarks.
          'viewer-harness': resolve(__dirname, 'renderer/viewer-harness.html'),
          // pdf.js's components viewer wired as its simpleviewer example: the benchmark's baseline.
          'pdfjs-baseline': resolve(__dirname, 'renderer/pdfjs-baseline.html'),
        },
      },
    },
    plugins: [react()],
  },
});
