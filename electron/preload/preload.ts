import { contextBridge, ipcRenderer } from 'electron';
import type { DeskEventName } from '../../shared/desk-api';
import { createDeskClient, withTimeout } from '../../shared/desk-client';
import type { Result } from '../../shared/result';
import { fail } from '../../shared/result';

/**
 * Exposes `window.desk` (the DeskApi, derived from the contract) and nothing
 * else. The renderer never sees ipcRenderer itself.
 */
const desk = createDeskClient(
  (method, input, timeoutMs) =>
    withTimeout(
      (ipcRenderer.invoke(`desk:${method}`, input) as Promise<Result<unknown>>).catch((error: unknown) =>
        fail('DISCONNECTED', error instanceof Error ? error.message : String(error)),
      ),
      timeoutMs,
      method,
    ),
  (event: DeskEventName, listener) => {
    const onEvent = (_: unknown, frame: { event: string; payload: unknown }): void => {
      if (frame.event === event) listener(frame.payload);
    };
    ipcRenderer.on('desk:event', onEvent);
    return () => {
      ipcRenderer.off('desk:event', onEvent);
    };
  },
);

contextBridge.exposeInMainWorld('desk', desk);
