import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppStateStore } from '../app-state';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from './database';
import { IntegritySchedule } from './integrity-schedule';

describe('the scheduled integrity check', () => {
  const dir = tempDir();

  it('runs once a day, never during a call, and reports a damaged index', () => {
    const file = path.join(dir, 'desk.sqlite3');
    const db = openDatabase(file);
    let clock = new Date('2026-11-28T03:00:00Z');
    let busy = true;
    const reports: { ok: boolean }[] = [];
    const schedule = new IntegritySchedule({ db, appState: new AppStateStore(db), busy: () => busy, onReport: (r) => reports.push(r), now: () => clock });

    expect(schedule.runIfDue()).toBeNull();
    busy = false;
    expect(schedule.runIfDue()).toMatchObject({ ok: true, problems: [] });
    clock = new Date('2026-11-28T20:00:00Z');
    expect(schedule.runIfDue()).toBeNull();

    // Damage an index behind SQLite's back: the table's rows stay, the index loses one.
    db.exec("CREATE TABLE probe (x TEXT); CREATE INDEX probe_x ON probe (x); INSERT INTO probe VALUES ('a'), ('b'), ('c');");
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.exec("UPDATE sqlite_schema SET sql = 'CREATE INDEX probe_x ON probe (x DESC)' WHERE name = 'probe_x'");
    db.pragma('writable_schema = OFF');
    closeDatabase(db);
    const reopened = openDatabase(file);
    try {
      const again = new IntegritySchedule({ db: reopened, appState: new AppStateStore(reopened), busy: () => false, onReport: (r) => reports.push(r), now: () => new Date('2026-11-29T04:00:00Z') });
      const report = again.runIfDue();
      expect(report?.ok).toBe(false);
      expect(report?.problems.join(' ')).toMatch(/probe_x|out of order|wrong/);
      expect(again.last()).toEqual(report);
    } finally {
      closeDatabase(reopened);
    }
    expect(fs.existsSync(file)).toBe(true);
    expect(reports.map((r) => r.ok)).toEqual([true, false]);
  });
});
