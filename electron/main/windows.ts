import { BrowserWindow, screen } from 'electron';
import type { DeskEventName, DeskEventPayload } from '../../shared/desk-api';
import type { DeskLogger } from '../services/logger';
import { DESK_EVENT_CHANNEL } from './ipc';
import { hardenWebContents } from './security';
import type { DisplayInfo, SavedBounds, WindowRole } from './window-placement';
import { boardWindowPlacement, knowledgeWindowBounds, restoreBounds } from './window-placement';
import type { WindowStateStore } from './window-state';

export interface WindowsOptions {
  appUrl: string;
  preloadPath: string;
  windowState: WindowStateStore;
  logger: DeskLogger;
  /** Called when the pane docks by itself (its display went away, or its window was closed). */
  onKnowledgeDocked(): void;
}

function currentDisplays(): DisplayInfo[] {
  return screen.getAllDisplays().map((d) => ({ id: d.id, workArea: d.workArea }));
}

function primaryDisplay(): DisplayInfo {
  const d = screen.getPrimaryDisplay();
  return { id: d.id, workArea: d.workArea };
}

/**
 * The workbench window and, on a dual-monitor desk, the detached knowledge
 * window and the supervisors' seat board. Bounds are remembered per
 * arrangement of displays; a window whose display has gone comes back to one
 * that is there.
 */
export class DeskWindows {
  private workbench: BrowserWindow | null = null;
  private knowledge: BrowserWindow | null = null;
  private board: BrowserWindow | null = null;

  constructor(private readonly options: WindowsOptions) {
    screen.on('display-removed', () => {
      this.onDisplaysChanged();
    });
    screen.on('display-metrics-changed', () => {
      this.onDisplaysChanged();
    });
  }

  openWorkbench(): BrowserWindow {
    if (this.workbench && !this.workbench.isDestroyed()) {
      this.focusWorkbench();
      return this.workbench;
    }
    const placed = restoreBounds(this.options.windowState.get(currentDisplays(), 'workbench'), currentDisplays(), primaryDisplay());
    const win = this.createWindow(placed, '');
    if (placed.maximized) win.maximize();
    this.remember(win, 'workbench');
    win.on('closed', () => {
      this.workbench = null;
      this.knowledge?.close();
      // The board has no phone of its own: its listen/whisper/barge go through the workbench's.
      this.board?.close();
    });
    this.workbench = win;
    return win;
  }

  focusWorkbench(): void {
    const win = this.workbench;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /** Detaches the knowledge pane to the second display; stays docked (returns false) with one display. */
  setKnowledgeDetached(detached: boolean): boolean {
    if (!detached) {
      this.closeKnowledge();
      return false;
    }
    if (this.knowledge && !this.knowledge.isDestroyed()) return true;
    const workbench = this.workbench;
    if (!workbench) return false;
    const displays = currentDisplays();
    const target = knowledgeWindowBounds(workbench.getBounds(), displays);
    if (!target) {
      this.options.logger.info({}, 'only one display: knowledge pane stays docked');
      return false;
    }
    const saved = this.options.windowState.get(displays, 'knowledge');
    const placed = restoreBounds(saved, displays, { id: -1, workArea: target });
    const win = this.createWindow(saved ? placed : { bounds: target, maximized: true }, '#/knowledge');
    if (!saved || placed.maximized) win.maximize();
    this.remember(win, 'knowledge');
    win.on('closed', () => {
      this.knowledge = null;
      this.options.onKnowledgeDocked();
    });
    this.knowledge = win;
    return true;
  }

  /**
   * Opens the seat board (`index.html?view=board`), or brings the open one forward: maximised on the
   * display the workbench is not on, centred over it with one display, or where it was last left.
   */
  openBoard(): void {
    const open = this.board;
    if (open && !open.isDestroyed()) {
      if (open.isMinimized()) open.restore();
      open.show();
      open.focus();
      return;
    }
    const displays = currentDisplays();
    const placed = boardWindowPlacement(this.workbench?.getBounds() ?? primaryDisplay().workArea, displays, this.options.windowState.get(displays, 'board'));
    const win = this.createWindow(placed, '?view=board');
    if (placed.maximized) win.maximize();
    this.remember(win, 'board');
    win.on('closed', () => {
      if (this.board === win) this.board = null;
    });
    this.board = win;
  }

  broadcast<E extends DeskEventName>(event: E, payload: DeskEventPayload<E>): void {
    // Every window: the board follows liveSeats, hubSessionChanged and the join answers too.
    for (const win of this.openWindows()) win.webContents.send(DESK_EVENT_CHANNEL, { event, payload });
  }

  private closeKnowledge(): void {
    const win = this.knowledge;
    this.knowledge = null;
    if (win && !win.isDestroyed()) win.close();
  }

  private onDisplaysChanged(): void {
    const displays = currentDisplays();
    if (this.knowledge && this.workbench && knowledgeWindowBounds(this.workbench.getBounds(), displays) === null) {
      this.options.logger.info({ displays: displays.length }, 'second display gone: docking the knowledge pane');
      this.closeKnowledge();
      this.options.onKnowledgeDocked();
    }
    for (const win of this.openWindows()) {
      const placed = restoreBounds({ bounds: win.getBounds(), maximized: win.isMaximized() }, displays, primaryDisplay());
      win.setBounds(placed.bounds);
    }
  }

  private openWindows(): BrowserWindow[] {
    return [this.workbench, this.knowledge, this.board].filter((win): win is BrowserWindow => win !== null && !win.isDestroyed());
  }

  /** `suffix`: what follows index.html, `#/knowledge` or `?view=board`. */
  private createWindow(placed: SavedBounds, suffix: string): BrowserWindow {
    const win = new BrowserWindow({
      ...placed.bounds,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      backgroundColor: '#f5f5f5',
      title: '12345 热线座席',
      webPreferences: {
        preload: this.options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    hardenWebContents(win.webContents, this.options.appUrl, this.options.logger);
    win.once('ready-to-show', () => {
      win.show();
    });
    void win.loadURL(`${this.options.appUrl}/index.html${suffix}`);
    return win;
  }

  private remember(win: BrowserWindow, role: WindowRole): void {
    let timer: NodeJS.Timeout | undefined;
    const save = (): void => {
      if (win.isDestroyed() || win.isMinimized()) return;
      const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
      this.options.windowState.save(currentDisplays(), role, { bounds, maximized: win.isMaximized() });
    };
    const later = (): void => {
      clearTimeout(timer);
      timer = setTimeout(save, 500);
    };
    win.on('move', later);
    win.on('resize', later);
    win.on('close', () => {
      clearTimeout(timer);
      save();
    });
  }
}
