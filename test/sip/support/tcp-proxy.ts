import net from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  /** Drops every open connection and refuses new ones for `ms`, like a network blip. */
  cut(ms: number): Promise<void>;
  /**
   * Silently stops relaying on the connections open now, without closing them
   * (a NAT binding that expired, a laptop lid closed): only a keep-alive can tell.
   * New connections work normally.
   */
  stall(): void;
  close(): Promise<void>;
}

/** A loopback TCP relay under the test's control, placed between the desk and Kamailio's WebSocket. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const pairs = new Set<{ stalled: boolean }>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const pair = { stalled: false };
    pairs.add(pair);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      if (!pair.stalled) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.stalled) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    cut: async (ms) => {
      down = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise((r) => setTimeout(r, ms));
      down = false;
    },
    stall: () => {
      for (const pair of pairs) pair.stalled = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    },
  };
}
