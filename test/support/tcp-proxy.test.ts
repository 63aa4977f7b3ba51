import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TcpProxy } from './tcp-proxy';
import { startTcpProxy } from './tcp-proxy';

describe('fault-injecting TCP proxy', () => {
  let server: http.Server;
  let proxy: TcpProxy;
  let served = 0;

  async function setUp(): Promise<void> {
    served = 0;
    server = http.createServer((_req, res) => {
      served += 1;
      res.setHeader('connection', 'close');
      res.end('x'.repeat(10_000));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = await startTcpProxy({ port: (server.address() as net.AddressInfo).port });
  }

  afterEach(async () => {
    await proxy.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('forwards a whole response', async () => {
    await setUp();
    const body = await (await fetch(proxy.url)).text();
    expect(body).toHaveLength(10_000);
  });

  it('cuts a response mid-way after the server has answered', async () => {
    await setUp();
    proxy.cutNextResponseAfter(500);
    await expect(fetch(proxy.url).then((r) => r.text())).rejects.toThrow();
    expect(served).toBe(1);
    expect(proxy.bytesDown).toBe(500);
    expect(await (await fetch(proxy.url)).text()).toHaveLength(10_000);
  });

  it('refuses connections while the target should look down', async () => {
    await setUp();
    proxy.setRefusing(true);
    await expect(fetch(proxy.url)).rejects.toThrow();
    expect(served).toBe(0);
    proxy.setRefusing(false);
    expect((await fetch(proxy.url)).status).toBe(200);
  });

  it('stalls open connections silently while new ones still work', async () => {
    await setUp();
    const socketModule = await import('node:net');
    const open = socketModule.connect(proxy.port, '127.0.0.1');
    await new Promise((resolve) => open.once('connect', resolve));
    proxy.stall();
    let received = 0;
    open.on('data', (chunk: Buffer) => (received += chunk.length));
    open.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect((await fetch(proxy.url)).status).toBe(200);
    expect(received).toBe(0);
    expect(open.destroyed).toBe(false);
    open.destroy();
  });
});
