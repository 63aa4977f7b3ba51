import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * An HTTP + WebSocket proxy in front of a real hub that a test turns into a
 * misbehaving one: it answers with a body larger than any the desk should
 * read, answers pushes without acknowledging anything, and injects frames of
 * its own into the live feed. In `pass` mode it relays faithfully.
 */
export type HubFaultMode = 'pass' | 'oversized' | 'unacknowledged-push';

export interface HubFaultProxy {
  readonly url: string;
  mode: HubFaultMode;
  /** Push requests seen, and when (epoch ms). */
  readonly pushes: number[];
  /** Sends a raw frame to every live-feed socket open through the proxy. */
  inject(frame: string | Buffer): void;
  close(): Promise<void>;
}

/** Size of the body `oversized` answers with: streamed in 1 MB chunks, no length declared. */
export const OVERSIZED_BYTES = 64 * 1024 * 1024;

export async function startHubFaultProxy(target: string): Promise<HubFaultProxy> {
  const feeds = new Set<WebSocket>();
  const state: { mode: HubFaultMode; pushes: number[] } = { mode: 'pass', pushes: [] };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void relay(request, Buffer.concat(chunks), response);
    });
  });

  async function relay(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse): Promise<void> {
    const isPush = request.method === 'POST' && request.url === '/v1/sync/push';
    if (isPush) state.pushes.push(Date.now());
    if (state.mode === 'oversized') {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const write = (): void => {
        while (sent < OVERSIZED_BYTES) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', write);
            return;
          }
        }
        response.end();
      };
      response.on('close', () => {
        sent = OVERSIZED_BYTES;
      });
      write();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
    try {
      const answer = await fetch(target + (request.url ?? '/'), { method: request.method ?? 'GET', headers, ...(body.length ? { body: body.toString('utf8') } : {}) });
      let text = await answer.text();
      if (isPush && state.mode === 'unacknowledged-push' && answer.ok) {
        const parsed = JSON.parse(text) as { outcomes: unknown[]; lastSeq: number };
        // What the hub applied stays applied; the desk just never hears of it.
        text = JSON.stringify({ ...parsed, outcomes: [] });
      }
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(text);
    } catch {
      response.destroy();
    }
  }

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    sockets.handleUpgrade(request, socket, head, (client) => {
      const upstream = new WebSocket(target.replace(/^http/, 'ws') + (request.url ?? '/'), {
        headers: request.headers.authorization ? { authorization: request.headers.authorization } : {},
      });
      feeds.add(client);
      upstream.on('message', (data: Buffer, binary: boolean) => {
        if (client.readyState === WebSocket.OPEN) client.send(data, { binary });
      });
      client.on('message', (data: Buffer, binary: boolean) => {
        if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary });
      });
      const closeBoth = (): void => {
        feeds.delete(client);
        client.terminate();
        upstream.terminate();
      };
      upstream.on('close', closeBoth);
      upstream.on('error', closeBoth);
      client.on('close', closeBoth);
      client.on('error', closeBoth);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    get mode() {
      return state.mode;
    },
    set mode(mode: HubFaultMode) {
      state.mode = mode;
    },
    get pushes() {
      return state.pushes;
    },
    inject(frame) {
      for (const feed of feeds) feed.send(frame);
    },
    close: async () => {
      for (const feed of feeds) feed.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
