import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * The cascader (the ticket form's district and category pickers) takes two helpers from @rc-component/tree's index,
 * and the bundler follows that index's imports before it shakes the tree: the whole Tree component (which only the
 * lazily loaded tables use) came with the first load. The cascader gets the helpers' own modules instead.
 */
function cascaderTreeHelpers(): Plugin {
  const id = '\0cascader-tree-helpers';
  return {
    name: 'cascader-tree-helpers',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@rc-component/tree' && importer && /[\\/]@rc-component[\\/]cascader[\\/]/.test(importer) ? id : null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return [
        "export { conductCheck } from '@rc-component/tree/es/utils/conductUtil';",
        "export { convertDataToEntities } from '@rc-component/tree/es/utils/treeUtil';",
      ].join('\n');
    },
  };
}

// Relative base: the same build is served from app://desk/ in Electron and from the web host.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), cascaderTreeHelpers()],
  build: {
    outDir: path.resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // ECharts (with zrender) has its own chunk, fetched only by the lazily loaded charts (board, alerts,
        // statistics). What the first paint needs comes in three chunks: React (it changes least, so it stays cached
        // across app updates), `vendor` (the other libraries' modules the first paint imports: the bundler's
        // `$initial` tag, so antd's tables, date pickers and the like stay with the lazy panels that use them) and
        // the entry with the workbench's own code (`desk`: the app modules the first paint imports, shared ones
        // included). Left to the bundler, the same modules came in 36 files, fetched a few at a time.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
            { name: 'desk', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
