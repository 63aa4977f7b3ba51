import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { FutureSchemaError, closeDatabase, migrate, openDatabase, schemaVersion } from './database';
import type { Migration } from './migrations';
import { latestSchemaVersion, migrations } from './migrations';

describe('openDatabase', () => {
  it('opens with durable pragmas: WAL, synchronous=FULL, foreign keys', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    closeDatabase(db);
  });

  it('refuses a database written by a newer build and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite3');
    const raw = new Database(file);
    raw.exec('CREATE TABLE keep (x TEXT); INSERT INTO keep VALUES (\'ticket\')');
    raw.pragma(`user_version = ${latestSchemaVersion + 10}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(FutureSchemaError);
    const after = new Database(file);
    expect(after.prepare('SELECT x FROM keep').pluck().get()).toBe('ticket');
    expect(after.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 10);
    after.close();
  });
});

describe('migrate', () => {
  const extra: Migration = {
    version: latestSchemaVersion + 10,
    name: 'test: add a column',
    up: (db) => db.exec('ALTER TABLE app_state ADD COLUMN note TEXT'),
  };

  it('upgrades an older database and keeps its rows', () => {
    const file = path.join(tempDir(), 'old.sqlite3');
    const db = openDatabase(file);
    db.prepare("INSERT INTO app_state (key, value) VALUES ('settings', '{\"theme\":\"dark\"}')").run();
    closeDatabase(db);

    const upgraded = openDatabase(file, [...migrations, extra]);
    expect(schemaVersion(upgraded)).toBe(extra.version);
    expect(upgraded.prepare("SELECT value, note FROM app_state WHERE key = 'settings'").get()).toEqual({ value: '{"theme":"dark"}', note: null });
    closeDatabase(upgraded);
  });

  it('rolls back a failing migration completely', () => {
    const db = openDatabase(path.join(tempDir(), 'fail.sqlite3'));
    const broken: Migration = {
      version: latestSchemaVersion + 10,
      name: 'test: half done',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow();
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('refuses migrations out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ ...extra, version: 20 }, { ...extra, version: 10 }])).toThrow(/out of order/);
    db.close();
  });
});
