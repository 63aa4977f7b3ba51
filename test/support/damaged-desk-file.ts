import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase } from '../../electron/services/db/database';
import { openDeskDatabase } from '../../electron/services/db/open-desk-database';

/**
 * Writes a real desk file in `dataDir` with a filler table, then scribbles over
 * the filler's b-tree pages on disk (the file's last ones; the schema's are
 * first, so the file still opens). Returns the damaged bytes.
 */
export function writeDamagedDeskFile(dataDir: string): Buffer {
  const first = openDeskDatabase(dataDir).db;
  first.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
  const insert = first.prepare('INSERT INTO filler (text) VALUES (?)');
  first.transaction(() => {
    for (let i = 0; i < 2_000; i++) insert.run(`row ${i} `.repeat(20));
  })();
  closeDatabase(first);
  const file = path.join(dataDir, 'desk.sqlite3');
  const bytes = fs.readFileSync(file);
  const pages = bytes.length / 4096;
  bytes.fill(0xa5, Math.floor(pages / 2) * 4096, (pages - 1) * 4096);
  fs.writeFileSync(file, bytes);
  return bytes;
}
