import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase } from './database';
import { integrityCheck, openDeskDatabase } from './open-desk-database';

describe('opening the desk database with a damaged file', () => {
  const dataDir = (): string => tempDir('desk-open-');

  it('opens a healthy file as is and passes the full integrity check', () => {
    const dir = dataDir();
    const { db, recovery } = openDeskDatabase(dir);
    expect(recovery).toBeNull();
    expect(integrityCheck(db)).toEqual({ ok: true, problems: [] });
    closeDatabase(db);
  });

  it('keeps a file that is not a database, byte for byte, and starts on a fresh one', () => {
    const dir = dataDir();
    const garbage = Buffer.from('this is not an SQLite file, it was overwritten by something else '.repeat(100));
    fs.writeFileSync(path.join(dir, 'desk.sqlite3'), garbage);
    const { db, recovery } = openDeskDatabase(dir, () => new Date('2026-11-22T03:04:05.678Z'));
    expect(recovery?.reason).toMatch(/SQLITE_NOTADB/);
    expect(recovery?.keptAt).toBe(path.join(dir, 'damaged', 'desk-2026-11-22T03-04-05-678Z.sqlite3'));
    expect(fs.readFileSync(recovery!.keptAt).equals(garbage)).toBe(true);
    db.prepare(`INSERT INTO app_state (key, value) VALUES ('probe', '1')`).run();
    expect(db.prepare(`SELECT value FROM app_state WHERE key = 'probe'`).pluck().get()).toBe('1');
    closeDatabase(db);
  });

  it('moves a file whose pages are damaged aside when quick_check or the open fails', () => {
    const dir = dataDir();
    const first = openDeskDatabase(dir).db;
    first.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = first.prepare('INSERT INTO filler (text) VALUES (?)');
    for (let i = 0; i < 2_000; i++) insert.run(`row ${i} `.repeat(20));
    closeDatabase(first);
    const file = path.join(dir, 'desk.sqlite3');
    const bytes = fs.readFileSync(file);
    // Scribble over the middle pages (b-tree pages of the filler table), leave the header intact.
    bytes.fill(0xa5, 8 * 4096, 40 * 4096);
    fs.writeFileSync(file, bytes);

    const { db, recovery } = openDeskDatabase(dir);
    expect(recovery).not.toBeNull();
    expect(fs.readFileSync(recovery!.keptAt).equals(bytes)).toBe(true);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'filler'`).pluck().get()).toBe(0);
    closeDatabase(db);
  });
});
