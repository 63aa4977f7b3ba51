import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * Some packages' index modules set properties on what they export (`Form.useForm = useForm`), so the bundler keeps
 * every module such an index imports, used or not, and whatever imports the index brings them all. Where a module
 * of the first screen needs one or two of them, it gets their own modules instead:
 * - the cascader (the ticket form's district and category pickers) takes two helpers from @rc-component/tree's index:
 *   the whole Tree component (which only the lazily loaded tables use) came with it;
 * - antd's form context (read by every input, on the first screen too) takes FormProvider from @rc-component/form's
 *   index: the whole form engine and its validator came with the first load, though only the ticket forms' chunk uses
 *   them. FormContext is the same module the index re-exports, so the forms and the provider share one context.
 */
const narrowedImports: { source: string; importer: RegExp; exports: string[] }[] = [
  {
    source: '@rc-component/tree',
    importer: /[\\/]@rc-component[\\/]cascader[\\/]/,
    exports: ["export { conductCheck } from '@rc-component/tree/es/utils/conductUtil';", "export { convertDataToEntities } from '@rc-component/tree/es/utils/treeUtil';"],
  },
  {
    source: '@rc-component/form',
    importer: /[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/,
    exports: ["export { FormProvider } from '@rc-component/form/es/FormContext';"],
  },
];

function narrowImports(): Plugin {
  const prefix = '\0narrowed:';
  return {
    name: 'narrowed-imports',
    enforce: 'pre',
    resolveId(source, importer) {
      const index = narrowedImports.findIndex((n) => n.source === source && importer !== undefined && n.importer.test(importer));
      return index < 0 ? null : `${prefix}${index}`;
    },
    load(id) {
      return id.startsWith(prefix) ? (narrowedImports[Number(id.slice(prefix.length))]?.exports.join('\n') ?? null) : null;
    },
  };
}

// Relative base: the same build is served from app://desk/ in Electron and from the web host.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), narrowImports()],
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
