// Bundles the Electron main process, the preload script and the web host with
// esbuild. Dependencies stay in node_modules (they are packaged by
// electron-builder, and native ones such as better-sqlite3 cannot be bundled).
// The preload is bundled whole, because a sandboxed preload may only require 'electron'.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
  define: { __DESK_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  // The knowledge index worker's bundle sits beside each bundle that starts it (see kb-index-thread.ts).
  build({ ...common, entryPoints: { main: 'electron/main/main.ts', 'kb-index-worker': 'electron/services/kb/kb-index-worker.ts' }, outdir: 'dist/electron', packages: 'external' }),
  // Minified: it carries zod (for the contract's method list) and runs before every window's first paint.
  build({ ...common, entryPoints: { preload: 'electron/preload/preload.ts' }, outdir: 'dist/electron', external: ['electron'], minify: true }),
  build({ ...common, entryPoints: { webhost: 'electron/webhost/webhost.ts', 'kb-index-worker': 'electron/services/kb/kb-index-worker.ts' }, outdir: 'dist/webhost', packages: 'external' }),
]);
