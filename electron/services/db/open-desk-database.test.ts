import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { writeDamagedDeskFile } from '../../../test/support/damaged-desk-file';
import { closeDatabase } from './database';
import { checkAfterStart, integrityCheck, openDeskDatabase } from './open-desk-database';

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

  it('opens a file with damaged pages at once, finds the damage after start, and keeps the file aside at the next start', async () => {
    const dir = dataDir();
    const bytes = writeDamagedDeskFile(dir);

    const started = openDeskDatabase(dir);
    expect(started.recovery).toBeNull();
    const outcome = await checkAfterStart(dir);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toMatch(/quick_check|SQLITE_CORRUPT/);
    closeDatabase(started.db);

    const { db, recovery } = openDeskDatabase(dir);
    expect(recovery).not.toBeNull();
    expect(fs.readFileSync(recovery!.keptAt).equals(bytes)).toBe(true);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'filler'`).pluck().get()).toBe(0);
    closeDatabase(db);
    // Recovered once: the start after that opens the fresh file as is.
    const again = openDeskDatabase(dir);
    expect(again.recovery).toBeNull();
    closeDatabase(again.db);
  });

  it('finds a healthy file healthy after start, while the desk holds it open', async () => {
    const dir = dataDir();
    const { db } = openDeskDatabase(dir);
    db.prepare(`INSERT INTO app_state (key, value) VALUES ('probe', '1')`).run();
    expect(await checkAfterStart(dir)).toEqual({ ok: true });
    closeDatabase(db);
    expect(openDeskDatabase(dir).recovery).toBeNull();
  });
});
