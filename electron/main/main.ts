import path from 'node:path';
import { app, ipcMain, session } from 'electron';
import { DeskServices } from '../services/desk-services';
import { createLogger } from '../services/logger';
import { keepToOwner } from '../services/owner-only';
import { deskVersion } from '../services/version';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { registerDeskIpc } from './ipc';
import { restrictPermissions } from './security';
import { DeskWindows } from './windows';
import { WindowStateStore } from './window-state';
import { keychainSecretStore } from './keychain-secret-store';
import { registerGlobalPhoneShortcuts } from './global-phone-shortcuts';

// One desk, one workbench: a second launch focuses the first instead of opening
// a second database connection and a second softphone.
// The ring tone must sound on the first call of the shift, before anyone clicked in the window.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start);
}

function start(): void {
  const dataDir = app.getPath('userData');
  keepToOwner(dataDir);
  const logger = createLogger({ dir: path.join(dataDir, 'logs') });
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  const services = new DeskServices({ dataDir, resourcesDir, host: 'electron', version: deskVersion, logger, secretStore: keychainSecretStore() ?? undefined });

  serveRenderer(path.join(__dirname, '..', 'renderer'), () => services.phone.settings.connectSources());
  restrictPermissions(session.defaultSession, APP_ORIGIN);

  const windows: DeskWindows = new DeskWindows({
    appUrl: APP_ORIGIN,
    preloadPath: path.join(__dirname, 'preload.cjs'),
    windowState: new WindowStateStore(services.appState),
    logger,
    onKnowledgeDocked: () => {
      // Saving the setting pushes settingsChanged, which shows the pane docked again in the workbench.
      services.settings.update({ knowledgePaneDetached: false });
    },
  });
  services.addEventSink((event, payload) => {
    windows.broadcast(event, payload);
  });

  const handlers = services.handlers({
    setKnowledgePaneDetached: ({ detached }) => {
      const now = windows.setKnowledgeDetached(detached);
      services.settings.update({ knowledgePaneDetached: now });
      return { detached: now };
    },
    openSeatBoard: () => {
      windows.openBoard();
      return { openedByHost: true };
    },
  });
  registerDeskIpc(ipcMain, handlers, APP_ORIGIN, logger);

  const unregisterPhoneKeys = registerGlobalPhoneShortcuts(services.settings.get().shortcuts, (action) => {
    if (action === 'answer') windows.focusWorkbench();
    windows.broadcast('phoneShortcut', { action });
  }, logger);

  app.on('second-instance', () => {
    windows.focusWorkbench();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('will-quit', () => {
    unregisterPhoneKeys();
    services.close();
    logger.flush();
  });

  windows.openWorkbench();
  if (services.settings.get().knowledgePaneDetached) {
    const detached = windows.setKnowledgeDetached(true);
    if (!detached) services.settings.update({ knowledgePaneDetached: false });
  }
}
