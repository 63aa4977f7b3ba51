import type { DeskEventName } from '../../../shared/desk-api';
import type { DeskApi } from '../../../shared/desk-client';
import { createDeskClient, withTimeout } from '../../../shared/desk-client';
import type { Result } from '../../../shared/result';
import { fail } from '../../../shared/result';
import { DESK_WS_PATH, readServerFrame } from '../../../shared/wire-frame';

const RECONNECT_MAX_MS = 10_000;

/**
 * DeskApi over the web host's WebSocket, for the workbench in a plain browser.
 * Calls made while the socket is down fail at once with DISCONNECTED (the UI
 * shows it) rather than queueing silently; the socket reconnects with backoff.
 */
export function createWebSocketDesk(url: string): DeskApi {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<DeskEventName, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempts = 0;
  let opened: Promise<void> = connect();

  function connect(): Promise<void> {
    return new Promise((resolve) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        attempts = 0;
        resolve();
      };
      ws.onmessage = (message) => {
        onFrame(String(message.data));
      };
      ws.onclose = () => {
        for (const settle of pending.values()) settle(fail('DISCONNECTED', 'connection to the desk services closed'));
        pending.clear();
        resolve();
        const delay = Math.min(RECONNECT_MAX_MS, 250 * 2 ** attempts++);
        setTimeout(() => {
          opened = connect();
        }, delay);
      };
    });
  }

  function onFrame(text: string): void {
    const frame = readServerFrame(JSON.parse(text));
    if (!frame) return;
    if ('event' in frame) {
      for (const listener of listeners.get(frame.event as DeskEventName) ?? []) listener(frame.payload);
      return;
    }
    if (frame.id === null) return;
    pending.get(frame.id)?.(frame.result);
    pending.delete(frame.id);
  }

  return createDeskClient(
    async (method, input, timeoutMs) => {
      // Sent in the caller's own task when the socket is open: an await here would queue the frame behind the
      // work already queued (a ring's render), and the screen pop's history request would leave only after it.
      if (socket?.readyState !== WebSocket.OPEN) await opened;
      const ws = socket;
      if (!ws || ws.readyState !== WebSocket.OPEN) return fail('DISCONNECTED', 'desk services are not reachable');
      const id = nextId++;
      const result = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
      ws.send(JSON.stringify({ id, method, input }));
      return withTimeout(result, timeoutMs, method).finally(() => pending.delete(id));
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
}

export function defaultDeskSocketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${DESK_WS_PATH}`;
}
