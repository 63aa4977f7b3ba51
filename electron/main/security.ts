import type { Session, WebContents } from 'electron';
import { shell } from 'electron';
import type { DeskLogger } from '../services/logger';

/** Permissions the workbench needs: the microphone for the softphone, notifications for ringing. */
const ALLOWED_PERMISSIONS = new Set(['media', 'notifications', 'clipboard-sanitized-write']);

/**
 * The renderer shows text that callers and departments wrote; if any of it
 * ever turned into markup, it must not be able to navigate the window, open
 * new ones or ask for powers. Everything not needed is refused.
 */
export function hardenWebContents(contents: WebContents, appUrl: string, logger: DeskLogger): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${appUrl}/`)) {
      event.preventDefault();
      logger.warn({ url }, 'blocked navigation away from the workbench');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Knowledge articles may link to official sites: open those in the system browser, never in the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    else logger.warn({ url }, 'blocked window.open');
    return { action: 'deny' };
  });
}

export function restrictPermissions(session: Session, appUrl: string): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(contents.getURL().startsWith(`${appUrl}/`) && ALLOWED_PERMISSIONS.has(permission));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return requestingOrigin.startsWith(appUrl) && ALLOWED_PERMISSIONS.has(permission);
  });
}
