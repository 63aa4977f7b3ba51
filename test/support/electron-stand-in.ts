/**
 * A minimal stand-in for the `electron` module, for unit tests of the
 * Electron-only code (the Electron runtime cannot be installed on CI machines).
 *
 * What it models: `ipcMain.handle/removeHandler` (handlers kept in a map and
 * callable with a fake event), `screen` (a settable list of displays and its
 * `display-added/removed/metrics-changed` events), `BrowserWindow` (bounds,
 * maximise, show/focus, close, `closed` events, the URL it loaded, what was
 * sent to its webContents), `shell.openExternal` (recorded).
 *
 * What it does not model, and so these tests cannot prove: real window
 * managers (they may move or resize windows themselves), real IPC
 * serialisation (structured clone), preload/contextBridge isolation,
 * protocol handling, sessions and permissions, and timing of native events.
 * Those are covered by keeping that code thin and by manual checks on a desk.
 */
import { EventEmitter } from 'node:events';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler the way a renderer's ipcRenderer.invoke would reach it. */
  invoke(channel: string, senderFrame: { url: string; parent: unknown } | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler({ senderFrame }, ...args));
  }
}

class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [];
  getAllDisplays(): FakeDisplay[] {
    return this.displays;
  }
  getPrimaryDisplay(): FakeDisplay {
    const primary = this.displays[0];
    if (!primary) throw new Error('no displays');
    return primary;
  }
  /** Replaces the display list and fires the event Electron would fire. */
  setDisplays(displays: FakeDisplay[]): void {
    const removed = this.displays.filter((d) => !displays.some((n) => n.id === d.id));
    this.displays = displays;
    for (const d of removed) this.emit('display-removed', {}, d);
  }
}

class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  bounds: Rect;
  maximized = false;
  destroyed = false;
  loadedUrl = '';
  constructor(readonly options: Rect & { webPreferences?: Record<string, unknown> }) {
    super();
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    FakeBrowserWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  getBounds(): Rect {
    return { ...this.bounds };
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  setBounds(bounds: Rect): void {
    this.bounds = { ...bounds };
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {}
  show(): void {}
  focus(): void {}
  close(): void {
    if (this.destroyed) return;
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
}

export function createElectronStandIn(): {
  ipcMain: FakeIpcMain;
  screen: FakeScreen;
  BrowserWindow: typeof FakeBrowserWindow;
  shell: { openExternal: (url: string) => Promise<void>; opened: string[] };
} {
  const opened: string[] = [];
  FakeBrowserWindow.all.length = 0;
  return {
    ipcMain: new FakeIpcMain(),
    screen: new FakeScreen(),
    BrowserWindow: FakeBrowserWindow,
    shell: {
      opened,
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
  };
}

export const display = (id: number, x: number, width = 1920, height = 1080): FakeDisplay => ({
  id,
  bounds: { x, y: 0, width, height },
  workArea: { x, y: 0, width, height: height - 40 },
});
