/**
 * IPC checks with the stand-in `electron` module (test/support/electron-stand-in.ts
 * says what it does and does not model): every contract method gets a handler,
 * only the workbench's own top-level frame may call, and payloads are validated
 * before any handler runs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { deskMethods } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import type { SettingsPatch } from '../../shared/settings';
import { defaultSettings } from '../../shared/settings-defaults';
import { defaultPhoneSettings } from '../../shared/phone/phone-settings';
import { createElectronStandIn } from '../../test/support/electron-stand-in';
import { deskChannel, registerDeskIpc } from './ipc';

const APP = 'app://desk';
const workbenchFrame = { url: `${APP}/index.html`, parent: null };

function setUp(): { ipc: ReturnType<typeof createElectronStandIn>['ipcMain']; handlers: DeskHandlers; log: { warn: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> } } {
  const { ipcMain } = createElectronStandIn();
  // Methods these checks do not call get a bare mock, so a new contract method needs no edit here.
  const handlers: DeskHandlers = {
    ...(Object.fromEntries(deskMethods.map((m) => [m, vi.fn()])) as unknown as DeskHandlers),
    getAppInfo: vi.fn(() => ({ name: 'd', version: '1', host: 'electron' as const, platform: 'linux', schemaVersion: 10, storageRecovery: null, storageDamage: null, lastIntegrityCheck: null, capabilities: { detachKnowledgePane: true } })),
    getSettings: vi.fn(() => defaultSettings),
    updateSettings: vi.fn((patch: SettingsPatch) => ({ ...defaultSettings, ...patch })),
    log: vi.fn(() => null),
    setKnowledgePaneDetached: vi.fn(({ detached }: { detached: boolean }) => ({ detached })),
    getPhoneSettings: vi.fn(() => ({ ...defaultPhoneSettings, hasPassword: false, secretStorage: 'os-keychain' as const })),
    updatePhoneSettings: vi.fn(() => ({ ...defaultPhoneSettings, hasPassword: false, secretStorage: 'os-keychain' as const })),
    getSipCredentials: vi.fn(() => ({ settings: defaultPhoneSettings, password: '' })),
    recordCall: vi.fn(() => ({ stored: true })),
    listCallRecords: vi.fn(() => []),
  };
  const log = { warn: vi.fn(), error: vi.fn() };
  registerDeskIpc(ipcMain as unknown as IpcMain, handlers, APP, log);
  return { ipc: ipcMain, handlers, log };
}

describe('registerDeskIpc', () => {
  it('registers exactly one prefixed channel per contract method', () => {
    const { ipc } = setUp();
    expect([...ipc.handlers.keys()].sort()).toEqual(deskMethods.map(deskChannel).sort());
  });

  it('answers the workbench frame', async () => {
    const { ipc } = setUp();
    await expect(ipc.invoke(deskChannel('updateSettings'), workbenchFrame, { theme: 'dark' })).resolves.toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
  });

  it.each([
    ['a page from elsewhere', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['an iframe inside the workbench', { url: `${APP}/index.html`, parent: {} }],
    ['a lookalike host', { url: 'app://desk.evil/index.html', parent: null }],
    ['no frame (destroyed)', null],
  ])('refuses %s without running the handler', async (_name, frame) => {
    const { ipc, handlers, log } = setUp();
    const result = await ipc.invoke(deskChannel('updateSettings'), frame, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handlers.updateSettings).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it('rejects a malformed payload from the workbench with a typed error and logs it', async () => {
    const { ipc, handlers, log } = setUp();
    const result = await ipc.invoke(deskChannel('setKnowledgePaneDetached'), workbenchFrame, { detached: 'yes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'detached' }] } });
    expect(handlers.setKnowledgePaneDetached).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ method: 'setKnowledgePaneDetached' }), expect.any(String));
  });

  it('can be unregistered (window reload in development)', () => {
    const { ipcMain } = createElectronStandIn();
    const dispose = registerDeskIpc(ipcMain as unknown as IpcMain, {} as DeskHandlers, APP, { warn: vi.fn(), error: vi.fn() });
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
