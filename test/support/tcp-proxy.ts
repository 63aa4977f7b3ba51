import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that a fault test controls: it forwards to a
 * target, and can refuse new connections, cut every open one, cut the next
 * response after a number of bytes (a connection dropped mid-answer, after
 * the server has committed but before the client has heard), or silently
 * stop relaying on open connections (an expired NAT binding).
 */
export interface TcpProxy {
  readonly port: number;
  /** `http://127.0.0.1:PORT`; use `port` for other schemes (ws://, sip). */
  readonly url: string;
  /** Bytes forwarded from the target to clients so far. */
  readonly bytesDown: number;
  /** Destroys every open connection now. */
  cutAll(): void;
  /** The next connection's response is cut after `bytes` bytes from the target. */
  cutNextResponseAfter(bytes: number): void;
  /**
   * Every request on the next connection is also delivered a second time, on a
   * connection of its own whose answers are thrown away: duplicate delivery, as
   * a retrying middlebox or a replayed packet would cause.
   */
  duplicateNextConnection(): void;
  /** While refusing, new connections are closed at once (the hub looks down). */
  setRefusing(refusing: boolean): void;
  /** A network blip: cuts every open connection and refuses new ones for `ms`. */
  cut(ms: number): Promise<void>;
  /**
   * Silently stops relaying on the connections open now without closing them
   * (a NAT binding that expired, a laptop lid closed): only a keep-alive can tell.
   * New connections work normally.
   */
  stall(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let refusing = false;
  let cutAfter: number | null = null;
  let duplicateNext = false;
  let bytesDown = 0;
  const stalled = new Set<{ stalled: boolean }>();

  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const limit = cutAfter;
    cutAfter = null;
    const shadow = duplicateNext ? net.connect({ host: target.host ?? '127.0.0.1', port: target.port }) : null;
    duplicateNext = false;
    if (shadow) {
      sockets.add(shadow);
      shadow.on('data', () => undefined).on('error', () => shadow.destroy());
    }
    let forwarded = 0;
    const upstream = net.connect({ host: target.host ?? '127.0.0.1', port: target.port });
    sockets.add(client);
    sockets.add(upstream);
    const pair = { stalled: false };
    stalled.add(pair);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk) => {
      if (pair.stalled) return;
      upstream.write(chunk);
      if (shadow && !shadow.destroyed) shadow.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pair.stalled) return;
      if (limit !== null && forwarded + chunk.length >= limit) {
        const part = chunk.subarray(0, Math.max(0, limit - forwarded));
        bytesDown += part.length;
        client.write(part, drop);
        return;
      }
      forwarded += chunk.length;
      bytesDown += chunk.length;
      client.write(chunk);
    });
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get bytesDown() {
      return bytesDown;
    },
    cutAll: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    duplicateNextConnection: () => {
      duplicateNext = true;
    },
    cutNextResponseAfter: (bytes) => {
      cutAfter = bytes;
    },
    setRefusing: (value) => {
      refusing = value;
    },
    cut: async (ms) => {
      refusing = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise((resolve) => setTimeout(resolve, ms));
      refusing = false;
    },
    stall: () => {
      for (const pair of stalled) pair.stalled = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
