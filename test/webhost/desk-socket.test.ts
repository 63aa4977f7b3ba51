/**
 * DeskApi over the web host's WebSocket, against the real server and real
 * services on a real SQLite file: malformed calls get a clear error and
 * change nothing; only the host's own pages may connect.
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { createLogger } from '../../electron/services/logger';
import type { WebHost } from '../../electron/webhost/server';
import { startWebHost } from '../../electron/webhost/server';
import { DESK_WS_PATH } from '../../shared/wire';
import { tempDir } from '../support/temp-dir';

let services: DeskServices;
let host: WebHost;
let dir: string;

beforeEach(async () => {
  dir = tempDir();
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>desk</title>');
  const logger = createLogger({ level: 'silent' });
  services = new DeskServices({ dataDir: path.join(dir, 'data'), resourcesDir: path.join(dir, 'resources'), host: 'web', version: 'test', logger });
  host = await startWebHost({ services, logger, staticDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  services.close();
});

/** As the host's own page does: its Origin, and the cookie the printed address set (unless `secret` is null). */
function connect(origin = host.url, secret: string | null = host.secret): Promise<WebSocket> {
  const headers = secret === null ? {} : { cookie: `desk_launch=${secret}` };
  const ws = new WebSocket(`${host.url.replace('http', 'ws')}${DESK_WS_PATH}`, { origin, headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      resolve(ws);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`HTTP ${String(res.statusCode)}`));
    });
  });
}

/** Sends a frame and resolves with the next response frame (pushed events are skipped). */
function exchange(ws: WebSocket, frame: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const reply = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!('result' in reply)) return;
      ws.off('message', onMessage);
      resolve(reply);
    };
    ws.on('message', onMessage);
    ws.send(frame);
  });
}

const call = (ws: WebSocket, id: number, method: string, input?: unknown): Promise<Record<string, unknown>> =>
  exchange(ws, JSON.stringify({ id, method, input }));

describe('web host DeskApi socket', () => {
  it('answers a valid call and persists it', async () => {
    const ws = await connect();
    const reply = await call(ws, 1, 'updateSettings', { seatId: 'A-017' });
    expect(reply).toMatchObject({ id: 1, result: { ok: true, value: { seatId: 'A-017' } } });
    expect(services.settings.get().seatId).toBe('A-017');
    ws.close();
  });

  it('rejects a malformed payload with the field at fault and changes nothing', async () => {
    const ws = await connect();
    await call(ws, 1, 'updateSettings', { theme: 'dark', seatId: 'A-017' });
    const savedRow = (): unknown => services.db.prepare("SELECT value, updated_at FROM app_state WHERE key = 'settings'").get();
    const before = savedRow();
    const changesBefore = services.db.prepare('SELECT total_changes()').pluck().get();

    const bad = [
      { seatId: 'x'.repeat(5_000) }, // oversized field
      { theme: 'neon' }, // not one of the themes
      { shift: { dayStart: '25:00', teams: ['甲'], anchorDate: 'soon' } },
      { unknownSetting: true }, // not in the contract
      'not an object',
    ];
    for (const [index, input] of bad.entries()) {
      const reply = await call(ws, 10 + index, 'updateSettings', input);
      expect(reply).toMatchObject({ id: 10 + index, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
      expect((reply.result as { error: { message: string } }).error.message).toMatch(/updateSettings/);
    }
    const shiftReply = await call(ws, 99, 'updateSettings', bad[2]);
    const paths = (shiftReply.result as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['shift.dayStart', 'shift.teams', 'shift.anchorDate']));

    expect(services.settings.get()).toMatchObject({ theme: 'dark', seatId: 'A-017' });
    expect(savedRow()).toEqual(before);
    expect(services.db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    ws.close();
  });

  it('answers frames that are not requests without acting on them', async () => {
    const ws = await connect();
    await expect(exchange(ws, '{not json')).resolves.toMatchObject({ id: null, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    await expect(exchange(ws, JSON.stringify({ method: 'getSettings' }))).resolves.toMatchObject({ id: null, result: { ok: false } });
    await expect(call(ws, 5, 'dropEverything')).resolves.toMatchObject({ id: 5, result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    // The socket stays usable after bad frames.
    await expect(call(ws, 6, 'getAppInfo')).resolves.toMatchObject({ id: 6, result: { ok: true, value: { host: 'web' } } });
    ws.close();
  });

  it('says the browser host cannot detach windows and leaves the seat board to the page', async () => {
    const ws = await connect();
    await expect(call(ws, 1, 'setKnowledgePaneDetached', { detached: true })).resolves.toMatchObject({
      result: { ok: false, error: { code: 'UNSUPPORTED' } },
    });
    // The seat board: no native window here, so the page is told to open it itself.
    await expect(call(ws, 2, 'openSeatBoard')).resolves.toMatchObject({ id: 2, result: { ok: true, value: { openedByHost: false } } });
    ws.close();
  });

  it('pushes settingsChanged to every connected page', async () => {
    const a = await connect();
    const b = await connect();
    const pushed = new Promise<Record<string, unknown>>((resolve) => {
      b.once('message', (data: Buffer) => {
        resolve(JSON.parse(data.toString()) as Record<string, unknown>);
      });
    });
    await call(a, 1, 'updateSettings', { locale: 'en' });
    await expect(pushed).resolves.toMatchObject({ event: 'settingsChanged', payload: { locale: 'en' } });
    a.close();
    b.close();
  });

  it('refuses a socket opened by a page from another origin', async () => {
    await expect(connect('https://evil.example')).rejects.toThrow(/403/);
  });

  it('serves pages with the Content-Security-Policy', async () => {
    const response = await fetch(host.url, { headers: { cookie: `desk_launch=${host.secret}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
