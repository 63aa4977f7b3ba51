import { describe, expect, it } from 'vitest';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import { tempDir } from '../../test/support/temp-dir';
import { DeskServices } from './desk-services';
import { createLogger } from './logger';

const quiet = { warn: (): void => undefined, error: (): void => undefined };

function services(): DeskServices {
  const dataDir = tempDir('desk-storage-');
  return new DeskServices({ dataDir, resourcesDir: dataDir, host: 'web', version: 'test', logger: createLogger({ dir: dataDir, level: 'silent' }) });
}

describe('disk failures reach the operator as STORAGE with the reason', () => {
  it('a full disk refuses the write, says so, and keeps what was saved', async () => {
    const desk = services();
    const handlers = desk.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
    await invokeDeskMethod(handlers, 'updateSettings', { seatId: 'A-017' }, quiet);
    // Cap the file at its current size: the next page SQLite needs is "disk full" (SQLITE_FULL).
    const pages = desk.db.pragma('page_count', { simple: true }) as number;
    desk.db.pragma(`max_page_count = ${pages}`);
    const result = await invokeDeskMethod(handlers, 'updateSettings', { seatId: 'B'.repeat(20), shortcuts: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`action.${i}`, `Alt+KeyA`])) }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringMatching(/^disk_full: /) as unknown } });
    const saved = await invokeDeskMethod(handlers, 'getSettings', undefined, quiet);
    expect(saved).toMatchObject({ ok: true, value: { seatId: 'A-017' } });
    desk.close();
  });

  it('a read-only database says read-only', async () => {
    const desk = services();
    const handlers = desk.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
    desk.db.pragma('query_only = ON');
    const result = await invokeDeskMethod(handlers, 'updateSettings', { seatId: 'A-018' }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringMatching(/^read_only: /) as unknown } });
    desk.db.pragma('query_only = OFF');
    desk.close();
  });
});
