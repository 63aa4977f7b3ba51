import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

// Relative base: the same build is served from app://desk/ in Electron and from the web host.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // ECharts (with zrender) has its own chunk, fetched only by the lazily loaded charts (board, alerts,
        // statistics). antd and the other libraries are not grouped into one chunk each: a group takes every
        // module it matches, so the whole of antd (tables, date pickers and charts' helpers the supervisors'
        // panels use) would come before the first paint. Left to the bundler, each library module sits with
        // the code that imports it: what the workbench uses loads with it, the rest with the lazy panels.
        // React and its scheduler change least: a chunk of their own caches across app updates.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
