import { parentPort, workerData } from 'node:worker_threads';
import { refreshSavedIndex } from './kb-saved-index';

/** The worker thread's program: brings the saved knowledge index up to the replica and says which file holds it. */
const { dbFile, dir } = workerData as { dbFile: string; dir: string };
try {
  parentPort?.postMessage({ ok: true, ...refreshSavedIndex(dbFile, dir) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
