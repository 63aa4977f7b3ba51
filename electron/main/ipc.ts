import type { IpcMain, WebFrameMain } from 'electron';
import { deskMethods } from '../../shared/desk-api';
import type { DeskHandlers, InvokeLogger } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import { fail } from '../../shared/result';

/** IPC channel of a contract method; the `desk:` prefix keeps the surface easy to audit. */
export const deskChannel = (method: string): string => `desk:${method}`;
export const DESK_EVENT_CHANNEL = 'desk:event';

/** Only the workbench's own top-level documents, served from the app protocol, may call DeskApi. */
export function isTrustedSender(frame: WebFrameMain | null | undefined, appOrigin: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  try {
    // URL.origin is "null" for custom schemes such as app://, so compare scheme and host.
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}

/**
 * One `ipcMain.handle` per contract method, derived from the contract. Each
 * call is checked for its sender, then validated and run by invokeDeskMethod.
 */
export function registerDeskIpc(ipcMain: IpcMain, handlers: DeskHandlers, appOrigin: string, log: InvokeLogger): () => void {
  for (const method of deskMethods) {
    ipcMain.handle(deskChannel(method), async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, appOrigin)) {
        log.warn({ method, url: event.senderFrame?.url ?? null }, 'refused DeskApi call from an untrusted frame');
        return fail('FORBIDDEN_SENDER', 'this frame may not call the desk');
      }
      return invokeDeskMethod(handlers, method, input, log);
    });
  }
  return () => {
    for (const method of deskMethods) ipcMain.removeHandler(deskChannel(method));
  };
}
