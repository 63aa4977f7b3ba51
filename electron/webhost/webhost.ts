import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DeskServices } from '../services/desk-services';
import { createLogger } from '../services/logger';
import { keepToOwner } from '../services/owner-only';
import { startWebHost } from './server';
import { deskVersion } from '../services/version';

/**
 * `npm run web`: the workbench in a browser, backed by the same local services
 * as the desktop app. Options (or the environment variables in brackets):
 *   --port N        (DESK_PORT, default 5178; 0 picks a free port)
 *   --data-dir DIR  (DESK_DATA_DIR, default ~/.hotline-desk-web)
 *   --static DIR    the built renderer (default dist/renderer next to this bundle)
 *   --resources DIR the shipped data (default resources/ of the repo)
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      static: { type: 'string' },
      resources: { type: 'string' },
    },
  });
  const port = Number(values.port ?? process.env.DESK_PORT ?? 5178);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port: ${String(values.port)}`);
  const dataDir = path.resolve(values['data-dir'] ?? process.env.DESK_DATA_DIR ?? path.join(os.homedir(), '.hotline-desk-web'));
  keepToOwner(dataDir);
  const logger = createLogger({ dir: path.join(dataDir, 'logs'), stdout: true, level: 'info' });
  // This file runs bundled as dist/webhost/webhost.cjs, so the repo root is two folders up.
  const repoRoot = path.resolve(__dirname, '..', '..');
  const resourcesDir = path.resolve(values.resources ?? path.join(repoRoot, 'resources'));
  const services = new DeskServices({ dataDir, resourcesDir, host: 'web', version: deskVersion, logger });
  const host = await startWebHost({ services, logger, staticDir: values.static ?? path.join(repoRoot, 'dist', 'renderer'), port });
  // The line tests and scripts wait for; keep its shape.
  console.log(`desk web host ready at ${host.openUrl}`);

  const stop = (signal: string): void => {
    logger.info({ signal }, 'web host stopping');
    void host.close().finally(() => {
      services.close();
      logger.flush();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
