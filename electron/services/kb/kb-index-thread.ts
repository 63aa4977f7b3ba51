import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface SavedIndexRefresh {
  file: string;
  hash: string;
  /** False when the saved index already matched the replica. */
  built: boolean;
  buildMs: number;
}

/**
 * The worker's program, run with `eval` like the integrity check's: beside the
 * bundles (Electron main, web host) it requires the worker bundle built next to
 * them; from the TypeScript sources (tsx, vitest, run from the repository
 * root) it registers tsx first and imports the worker's source.
 */
const workerProgram = `
const { workerData } = require('node:worker_threads');
if (workerData.bundle) require(workerData.entry);
else import('tsx/esm/api').then((tsx) => { tsx.register(); return import(workerData.entry); }).catch((error) => { throw error; });
`;

function workerEntry(): { entry: string; bundle: boolean } {
  const bundled = typeof __dirname === 'string' ? path.join(__dirname, 'kb-index-worker.cjs') : null;
  if (bundled && fs.existsSync(bundled)) return { entry: bundled, bundle: true };
  return { entry: pathToFileURL(path.resolve('electron/services/kb/kb-index-worker.ts')).href, bundle: false };
}

/**
 * Brings the saved knowledge index in `dir` up to the replica in `dbFile` on a
 * worker thread (hashing the articles, and building when they changed: tens of
 * seconds at 50,000 articles on a busy desk PC), so search never waits on it.
 */
export function refreshSavedIndexOffThread(dbFile: string, dir: string): { done: Promise<SavedIndexRefresh>; stop: () => Promise<void> } {
  const worker = new Worker(workerProgram, { eval: true, workerData: { dbFile, dir, ...workerEntry() } });
  const done = new Promise<SavedIndexRefresh>((resolve, reject) => {
    worker.once('message', (message: ({ ok: true } & SavedIndexRefresh) | { ok: false; message: string }) => {
      if (message.ok) resolve({ file: message.file, hash: message.hash, built: message.built, buildMs: message.buildMs });
      else reject(new Error(`knowledge index build failed: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`knowledge index worker exited (${String(code)}) without an answer`));
    });
  });
  return {
    done,
    stop: async () => {
      await worker.terminate();
    },
  };
}
