import type { DeskApi } from '../../../shared/desk-client';
import { storageReasonOf } from '../../../shared/storage-failure';
import { useStorageFailureStore } from '../stores/storage-failure-store';
import { createWebSocketDesk, defaultDeskSocketUrl } from './ws-client';

declare global {
  interface Window {
    /** Present in Electron (from the preload); absent in a plain browser. */
    desk?: DeskApi;
  }
}

/**
 * Every call's result passes here on its way to the feature that made it: a
 * write the disk refused must stop the operator, whichever form it came from,
 * so it is reported once, centrally, instead of in each feature.
 */
function reportingStorageFailures(inner: DeskApi): DeskApi {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === 'on' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = (await (value as (...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string; message: string } }>).apply(target, args));
        if (!result.ok && result.error?.code === 'STORAGE') {
          useStorageFailureStore.getState().failed(String(property), storageReasonOf(result.error.message));
        }
        return result;
      };
    },
  });
}

/** The preload's bridge in Electron, the web host's WebSocket otherwise. */
export const desk: DeskApi = reportingStorageFailures(window.desk ?? createWebSocketDesk(defaultDeskSocketUrl(window.location)));
