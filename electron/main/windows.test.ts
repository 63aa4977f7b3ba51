/**
 * The workbench and knowledge windows across one and two displays, with the
 * stand-in `electron` module (see test/support/electron-stand-in.ts for what
 * it does not model) and a real SQLite file for the remembered bounds.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import { createElectronStandIn, display } from '../../test/support/electron-stand-in';
import { AppStateStore } from '../services/app-state';
import { openDatabase } from '../services/db/database';
import type { DeskLogger } from '../services/logger';

const electron = createElectronStandIn();
vi.mock('electron', () => electron);

const { DeskWindows } = await import('./windows');
const { WindowStateStore } = await import('./window-state');

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } as unknown as DeskLogger;

function setUp(dir: string): { windows: InstanceType<typeof DeskWindows>; docked: ReturnType<typeof vi.fn>; state: InstanceType<typeof WindowStateStore> } {
  const state = new WindowStateStore(new AppStateStore(openDatabase(path.join(dir, 'desk.sqlite3'))));
  const docked = vi.fn();
  const windows = new DeskWindows({ appUrl: 'app://desk', preloadPath: '/preload.cjs', windowState: state, logger, onKnowledgeDocked: docked });
  return { windows, docked, state };
}

describe('DeskWindows', () => {
  beforeEach(() => {
    electron.BrowserWindow.all.length = 0;
    electron.screen.removeAllListeners();
    electron.screen.displays = [display(1, 0), display(2, 1920)];
  });

  it('opens the workbench isolated and sandboxed, on the primary display', () => {
    const { windows } = setUp(tempDir());
    windows.openWorkbench();
    const [win] = electron.BrowserWindow.all;
    expect(win?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win?.loadedUrl).toBe('app://desk/index.html');
    expect(win!.bounds.x).toBeLessThan(1920);
  });

  it('detaches the knowledge pane onto the second display and docks it back', () => {
    const { windows } = setUp(tempDir());
    windows.openWorkbench();
    expect(windows.setKnowledgeDetached(true)).toBe(true);
    const knowledge = electron.BrowserWindow.all[1]!;
    expect(knowledge.loadedUrl).toBe('app://desk/index.html#/knowledge');
    expect(knowledge.bounds.x).toBeGreaterThanOrEqual(1920);
    expect(windows.setKnowledgeDetached(false)).toBe(false);
    expect(knowledge.isDestroyed()).toBe(true);
  });

  it('keeps the pane docked on a single-display desk', () => {
    electron.screen.displays = [display(1, 0)];
    const { windows } = setUp(tempDir());
    windows.openWorkbench();
    expect(windows.setKnowledgeDetached(true)).toBe(false);
    expect(electron.BrowserWindow.all).toHaveLength(1);
  });

  it('docks the pane when the second display is unplugged', () => {
    const { windows, docked } = setUp(tempDir());
    windows.openWorkbench();
    windows.setKnowledgeDetached(true);
    const knowledge = electron.BrowserWindow.all[1]!;
    electron.screen.setDisplays([display(1, 0)]);
    expect(knowledge.isDestroyed()).toBe(true);
    expect(docked).toHaveBeenCalled();
  });

  it('remembers bounds per arrangement of displays', () => {
    const dir = tempDir();
    const first = setUp(dir);
    first.windows.openWorkbench();
    const win = electron.BrowserWindow.all[0]!;
    win.setBounds({ x: 2000, y: 40, width: 1400, height: 800 });
    win.close(); // saves on close

    electron.BrowserWindow.all.length = 0;
    const again = setUp(dir);
    again.windows.openWorkbench();
    expect(electron.BrowserWindow.all[0]!.bounds).toEqual({ x: 2000, y: 40, width: 1400, height: 800 });

    // The same desk with only the left monitor: not restored off-screen.
    electron.BrowserWindow.all.length = 0;
    electron.screen.displays = [display(1, 0)];
    const single = setUp(dir);
    single.windows.openWorkbench();
    expect(electron.BrowserWindow.all[0]!.bounds.x).toBeLessThan(1920);
  });

  it('sends pushed events to every open window', () => {
    const { windows } = setUp(tempDir());
    windows.openWorkbench();
    windows.setKnowledgeDetached(true);
    windows.broadcast('settingsChanged', { theme: 'dark' } as never);
    expect(electron.BrowserWindow.all.map((w) => w.webContents.sent.length)).toEqual([1, 1]);
  });

  it('opens the seat board maximised on the second display, focuses it on a second request, and closes it with the workbench', () => {
    const { windows } = setUp(tempDir());
    const workbench = windows.openWorkbench();
    windows.openBoard();
    windows.openBoard();
    expect(electron.BrowserWindow.all).toHaveLength(2);
    const board = electron.BrowserWindow.all[1]!;
    expect(board.loadedUrl).toBe('app://desk/index.html?view=board');
    expect(board.bounds.x).toBeGreaterThanOrEqual(1920);
    expect(board.maximized).toBe(true);
    expect(board.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });

    windows.broadcast('liveSeats', { type: 'snapshot', seats: [] });
    expect(board.webContents.sent).toEqual([{ channel: expect.any(String) as unknown, payload: { event: 'liveSeats', payload: { type: 'snapshot', seats: [] } } }]);

    workbench.close();
    expect(board.isDestroyed()).toBe(true);
  });

  it('opens the seat board over the workbench on one display and remembers where it was left', () => {
    electron.screen.displays = [display(1, 0)];
    const dir = tempDir();
    const first = setUp(dir);
    first.windows.openWorkbench();
    first.windows.openBoard();
    const board = electron.BrowserWindow.all[1]!;
    expect(board.maximized).toBe(false);
    expect(board.bounds.x).toBeGreaterThanOrEqual(0);
    board.setBounds({ x: 200, y: 120, width: 1300, height: 760 });
    board.close();

    electron.BrowserWindow.all.length = 0;
    const again = setUp(dir);
    again.windows.openWorkbench();
    again.windows.openBoard();
    expect(electron.BrowserWindow.all[1]!.bounds).toEqual({ x: 200, y: 120, width: 1300, height: 760 });
  });

  it('denies window.open and hands https links to the system browser', () => {
    const { windows } = setUp(tempDir());
    windows.openWorkbench();
    const handler = electron.BrowserWindow.all[0]!.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://www.gov.cn/']);
  });

  it('blocks navigation away from the workbench', () => {
    const { windows } = setUp(tempDir());
    windows.openWorkbench();
    const contents = electron.BrowserWindow.all[0]!.webContents;
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://desk/index.html#/knowledge');
    expect(away.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });
});
