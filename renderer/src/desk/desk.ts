import type { DeskApi } from '../../../shared/desk-client';
import { createWebSocketDesk, defaultDeskSocketUrl } from './ws-client';

declare global {
  interface Window {
    /** Present in Electron (from the preload); absent in a plain browser. */
    desk?: DeskApi;
  }
}

/** The preload's bridge in Electron, the web host's WebSocket otherwise. */
export const desk: DeskApi = window.desk ?? createWebSocketDesk(defaultDeskSocketUrl(window.location));
