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
        // antd is most of the bundle and changes rarely: separate chunks cache across app updates.
        // ECharts (with zrender) has its own chunk, fetched only by the lazily loaded charts (board, alerts,
        // statistics): in the eager vendor chunk it would weigh on every operator's first load.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component)/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
