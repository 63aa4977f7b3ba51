import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { serveDeskSocket } from '../../electron/webhost/desk-socket';
import { createWebSocketDesk } from '../../renderer/src/desk/ws-client';
import type { DeskHandlers } from '../../shared/desk-handlers';

/** The browser's WebSocket API as the `ws` client gives it, counting the frames handed to it. */
const sent: string[] = [];
class CountingSocket extends WebSocket {
  override send(data: string): void {
    sent.push(data);
    super.send(data);
  }
}

const quiet = { warn: () => undefined, error: () => undefined };

describe('the web host desk client', () => {
  let server: WebSocketServer | null = null;
  const original = (globalThis as { WebSocket?: unknown }).WebSocket;

  afterEach(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = original;
    await new Promise<void>((resolve) => {
      if (!server) resolve();
      else {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }
    });
    server = null;
  });

  it('hands a call to an open socket at once, in the caller’s own task (not after work already queued, such as a ring’s render)', async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server?.once('listening', resolve));
    const handlers = { getAppInfo: () => ({ version: '1.0.0' }) } as unknown as DeskHandlers;
    server.on('connection', (socket) => serveDeskSocket(socket, handlers, quiet));
    (globalThis as { WebSocket?: unknown }).WebSocket = CountingSocket;
    const desk = createWebSocketDesk(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/`);

    // The first call waits for the socket to open.
    const first = await desk.getAppInfo();
    expect(first).toEqual({ ok: true, value: { version: '1.0.0' } });
    const before = sent.length;

    const answer = desk.getAppInfo();
    expect(sent.length).toBe(before + 1);
    expect(JSON.parse(sent.at(-1) ?? '{}')).toMatchObject({ method: 'getAppInfo' });
    await answer;
  });
});
