import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../../shared/result';
import { defaultSettings } from '../../shared/settings-defaults';
import { tempDir } from '../../test/support/temp-dir';
import { AppStateStore } from './app-state';
import { closeDatabase, openDatabase } from './db/database';
import { SettingsService } from './settings-service';

function open(file: string): { settings: SettingsService; close: () => void; store: AppStateStore } {
  const db = openDatabase(file);
  const store = new AppStateStore(db);
  return { settings: new SettingsService(store), store, close: () => { closeDatabase(db); } };
}

describe('SettingsService', () => {
  it('starts from the defaults and keeps changes across a restart', () => {
    const file = path.join(tempDir(), 'desk.sqlite3');
    const first = open(file);
    expect(first.settings.get()).toEqual(defaultSettings);
    first.settings.update({ theme: 'dark', seatId: 'A-017' });
    first.close();

    const second = open(file);
    expect(second.settings.get()).toMatchObject({ theme: 'dark', seatId: 'A-017', locale: 'zh-CN' });
    second.close();
  });

  it('rejects an invalid change and keeps what was saved', () => {
    const { settings, close } = open(path.join(tempDir(), 'desk.sqlite3'));
    settings.update({ seatId: 'B-2' });
    // Bypasses the contract's schema on purpose: the service must hold on its own.
    expect(() => settings.update({ seatId: 'x'.repeat(500) })).toThrow(DeskFailure);
    expect(settings.get().seatId).toBe('B-2');
    close();
  });

  it('tells listeners about a saved change', () => {
    const { settings, close } = open(path.join(tempDir(), 'desk.sqlite3'));
    const seen: string[] = [];
    settings.onChange((s) => seen.push(s.theme));
    settings.update({ theme: 'dark' });
    expect(seen).toEqual(['dark']);
    close();
  });

  it('falls back to defaults when the saved row is damaged instead of failing to start', () => {
    const file = path.join(tempDir(), 'desk.sqlite3');
    const db = openDatabase(file);
    db.prepare("INSERT INTO app_state (key, value) VALUES ('settings', '{\"theme\": 7}')").run();
    const settings = new SettingsService(new AppStateStore(db));
    expect(settings.get()).toEqual(defaultSettings);
    closeDatabase(db);
  });
});
