/**
 * Another local process against the desk: the built web host is started as
 * an operator starts it (`npm run web`, a real process on a real data folder).
 * Setting an Origin header is easy for any process, so without this launch's
 * secret nothing may answer — no page, no DeskApi call (the SIP password, the
 * hub address); and the data folder (database, logs) is its owner's alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_WS_PATH } from '../../shared/wire';
import type { RunningWebHost } from '../support/web-host';
import { startBuiltWebHost } from '../support/web-host';

let host: RunningWebHost;
let dataDir: string;

beforeAll(async () => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-sec-')), 'data');
  // A folder an older version left readable by everyone, with a file in it.
  fs.mkdirSync(dataDir, { mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'left by an older version', { mode: 0o644 });
  fs.chmodSync(path.join(dataDir, 'notes.txt'), 0o644);
  host = await startBuiltWebHost({ dataDir });
}, 60_000);
afterAll(async () => {
  await host.stop();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

function openSocket(headers: Record<string, string>): Promise<{ opened: boolean; status?: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}${DESK_WS_PATH}`, { headers });
    ws.once('open', () => {
      resolve({ opened: true, ws });
    });
    ws.once('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode });
    });
    ws.once('error', () => {
      resolve({ opened: false });
    });
  });
}

describe('the web host answers only with this launch’s secret', () => {
  it('prints an address with a fresh secret; without it the pages and scripts answer 403 with the way in', async () => {
    expect(host.url).toMatch(/\/open\/[A-Za-z0-9_-]{32}$/);
    for (const page of ['/', '/index.html', '/?view=board']) {
      const response = await fetch(host.origin + page);
      expect(response.status, page).toBe(403);
      expect(await response.text()).toContain('启动时打印的完整地址');
    }
    const wrong = await fetch(`${host.origin}/open/not-the-secret`, { redirect: 'manual' });
    expect(wrong.status).toBe(403);
  });

  it('a local process that forges the Origin header cannot open the DeskApi socket (the SIP password stays out of reach)', async () => {
    const forged = await openSocket({ origin: host.origin });
    expect(forged).toMatchObject({ opened: false, status: 403 });
    const wrongCookie = await openSocket({ origin: host.origin, cookie: 'desk_launch=guess' });
    expect(wrongCookie).toMatchObject({ opened: false, status: 403 });
  });

  it('the printed address sets the secret as an HttpOnly, SameSite=Strict cookie and leads on to the page without it', async () => {
    const opened = await fetch(`${host.url}/?view=board`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/?view=board');
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^desk_launch=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const value = cookie.split(';')[0]!;
    expect((await fetch(`${host.origin}/`, { headers: { cookie: value } })).status).toBe(200);
    const socket = await openSocket({ origin: host.origin, cookie: value });
    expect(socket.opened).toBe(true);
    socket.ws?.close();
  });
});

describe('the desk’s data folder', () => {
  it('is readable by its owner only: the folder 0700, database and log files 0600, older lax files tightened', async () => {
    const mode = (file: string) => fs.statSync(file).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'notes.txt'))).toBe(0o600);
    const files = fs.readdirSync(dataDir, { recursive: true }).map((name) => path.join(dataDir, String(name)));
    const database = files.find((file) => file.endsWith('.sqlite3'));
    expect(database, 'the desk database').toBeDefined();
    // Logs are written by a worker a moment after start.
    await expect.poll(() => fs.readdirSync(dataDir, { recursive: true }).some((name) => String(name).includes('desk')), { timeout: 10_000 }).toBe(true);
    for (const file of fs.readdirSync(dataDir, { recursive: true }).map((name) => path.join(dataDir, String(name)))) {
      const stat = fs.statSync(file);
      expect(stat.mode & 0o077, `${path.relative(dataDir, file)} is open to others`).toBe(0);
    }
  });
});
