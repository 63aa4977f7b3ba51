import fs from 'node:fs';
import path from 'node:path';

/**
 * The desk's data folder (database, logs, sealed keys) readable by its owner
 * only: every file this process creates from now on is 0600 and every folder
 * 0700 (the umask, process-wide, so log files written by pino's worker are
 * covered too), and what an earlier version left more open is tightened. On
 * Windows the modes mean little; the folder lives in the user's own profile.
 */
export function keepToOwner(dataDir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir);
}

function tighten(target: string): void {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(target, 0o700);
    for (const name of fs.readdirSync(target)) tighten(path.join(target, name));
  } else if ((stat.mode & 0o077) !== 0) {
    fs.chmodSync(target, stat.mode & 0o700);
  }
}
