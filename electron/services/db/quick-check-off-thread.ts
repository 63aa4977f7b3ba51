import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program, run with `eval` so it needs no file of its own
 * beside the bundle (Electron main, web host) or the TypeScript sources (tsx,
 * vitest). It opens its own read-only connection: better-sqlite3 connections
 * cannot cross threads, and a reader never blocks the desk's writer in WAL mode.
 */
const workerProgram = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage({ result: db.pragma('quick_check', { simple: true }) });
} catch (error) {
  parentPort.postMessage({ error: { code: String(error.code ?? ''), message: String(error.message) } });
} finally {
  if (db) db.close();
}
`;

/**
 * What the eval'd worker requires to load the same driver as this thread: the
 * CommonJS bundles (Electron main, web host) resolve its file here, wherever
 * the app was started from; the TypeScript sources run as ESM by tsx and vitest
 * from the repository root, where an eval'd worker resolves the package name itself.
 */
function driverPath(): string {
  return typeof require === 'function' ? require.resolve('better-sqlite3') : 'better-sqlite3';
}

export type QuickCheckOutcome = { ok: true } | { ok: false; reason: string };

/**
 * `PRAGMA quick_check` of `file` on a worker thread: it reads every page (6 s
 * and more on a 2 GB desk file), so it must not stand between the operator
 * and the workbench. An SQLite error that says the file is damaged counts as
 * damage; any other failure (the worker could not start) is thrown.
 */
export function quickCheckOffThread(file: string): Promise<QuickCheckOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerProgram, { eval: true, workerData: { file, driver: driverPath() } });
    worker.once('message', (message: { result?: string; error?: { code: string; message: string } }) => {
      if (message.result === 'ok') resolve({ ok: true });
      else if (message.result !== undefined) resolve({ ok: false, reason: `quick_check: ${message.result}` });
      else if (message.error && /^SQLITE_(CORRUPT|NOTADB)/.test(message.error.code)) resolve({ ok: false, reason: `${message.error.code}: ${message.error.message}` });
      else reject(new Error(`quick_check worker failed: ${message.error?.message ?? 'no answer'}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`quick_check worker exited (${String(code)}) without an answer`));
    });
  });
}
