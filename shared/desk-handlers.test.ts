import { describe, expect, it, vi } from 'vitest';
import { deskMethods } from './desk-api';
import type { DeskHandlers } from './desk-handlers';
import { invokeDeskMethod } from './desk-handlers';
import { DeskFailure } from './result';
import type { SettingsPatch } from './settings';
import { defaultSettings } from './settings-defaults';
import { defaultPhoneSettings } from './phone/phone-settings';

function handlers(overrides: Partial<DeskHandlers> = {}): DeskHandlers {
  return {
    ...(Object.fromEntries(deskMethods.map((m) => [m, vi.fn()])) as unknown as DeskHandlers),
    getAppInfo: () => ({ name: 'desk', version: '1', host: 'web', platform: 'linux', schemaVersion: 10, storageRecovery: null, storageDamage: null, lastIntegrityCheck: null, capabilities: { detachKnowledgePane: false } }),
    getSettings: () => defaultSettings,
    updateSettings: vi.fn((patch: SettingsPatch) => ({ ...defaultSettings, ...patch })),
    log: () => null,
    setKnowledgePaneDetached: ({ detached }) => ({ detached }),
    getPhoneSettings: () => ({ ...defaultPhoneSettings, hasPassword: false, secretStorage: 'file' }),
    updatePhoneSettings: () => ({ ...defaultPhoneSettings, hasPassword: false, secretStorage: 'file' }),
    getSipCredentials: () => ({ settings: defaultPhoneSettings, password: '' }),
    recordCall: () => ({ stored: true }),
    listCallRecords: () => [],
    ...overrides,
  };
}
const log = { warn: vi.fn(), error: vi.fn() };

describe('invokeDeskMethod', () => {
  it('runs a valid call and wraps its value', async () => {
    await expect(invokeDeskMethod(handlers(), 'updateSettings', { theme: 'dark' }, log)).resolves.toEqual({
      ok: true,
      value: { ...defaultSettings, theme: 'dark' },
    });
  });

  it('rejects an invalid payload with the offending field and never calls the handler', async () => {
    const h = handlers();
    const result = await invokeDeskMethod(h, 'updateSettings', { theme: 'purple', extra: 1 }, log);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.path)).toContain('theme');
    expect(h.updateSettings).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it('refuses a method that is not in the contract, including inherited names', async () => {
    for (const method of ['dropDatabase', 'toString', '__proto__', 42]) {
      const result = await invokeDeskMethod(handlers(), method, undefined, log);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('passes a DeskFailure code through and hides other errors behind INTERNAL', async () => {
    const unsupported = handlers({
      setKnowledgePaneDetached: () => {
        throw new DeskFailure('UNSUPPORTED', 'no windows here');
      },
      getSettings: () => {
        throw new Error('disk I/O error');
      },
    });
    await expect(invokeDeskMethod(unsupported, 'setKnowledgePaneDetached', { detached: true }, log)).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    await expect(invokeDeskMethod(unsupported, 'getSettings', undefined, log)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('disk I/O error') as unknown },
    });
    expect(log.error).toHaveBeenCalled();
  });
});
