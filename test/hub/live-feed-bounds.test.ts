/**
 * The live feed keeps a socket only while it is open: one that closed while
 * its session was being checked (its 'close' already past) is not kept, so a
 * board on a flaky network cannot grow the hub's set of sockets for good.
 * Real `ws` sockets on 127.0.0.1.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { LiveFeed } from '../../server/src/presence/live-feed';

describe('live feed sockets', () => {
  let server: WebSocketServer;
  let url: string;

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  /** The hub's side of a new connection, and the client's. */
  async function connect(): Promise<{ hubSide: WebSocket; client: WebSocket; received: string[] }> {
    const accepted = once(server, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(url);
    const received: string[] = [];
    client.on('message', (data: Buffer) => received.push(data.toString()));
    await once(client, 'open');
    const [hubSide] = await accepted;
    return { hubSide, client, received };
  }

  const session = { sid: 'session-1', sub: 'sup01', exp: Date.now() / 1000 + 3600 };

  it('keeps an open socket until it closes, and never keeps one that closed before it was added', async () => {
    const feed = new LiveFeed();
    const open = await connect();
    feed.add(open.hubSide, { type: 'snapshot', seats: [] }, session);
    expect(feed.size).toBe(1);
    await expect.poll(() => open.received.length).toBe(1);
    expect(JSON.parse(open.received[0]!)).toEqual({ type: 'snapshot', seats: [] });

    const gone = await connect();
    gone.client.close();
    await once(gone.hubSide, 'close');
    feed.add(gone.hubSide, { type: 'snapshot', seats: [] }, session);
    expect(feed.size).toBe(1);

    open.client.close();
    await once(open.hubSide, 'close');
    expect(feed.size).toBe(0);
    await feed.stop();
  });
});
