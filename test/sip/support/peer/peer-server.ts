import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the peer user agent page on 127.0.0.1 (a secure context, so getUserMedia works). */
export async function startPeerServer(): Promise<PeerServer> {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'peer-ua.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const server = http.createServer((request, response) => {
    if (request.url === '/peer.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>peer</title><script src="/peer.js"></script>');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => { resolve(); })),
  };
}
