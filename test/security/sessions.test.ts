/**
 * Sessions against an attacker with an account (or a stolen token), on a real
 * hub on PostgreSQL whose clock the test moves: password guessing is slowed
 * per account and per address with a growing wait said in Chinese; sign-out and
 * disabling end a session at once, live sockets included; refresh stops one
 * shift after the sign-in; tokens never travel in URLs and never reach the
 * logs; signing keys come from the CSPRNG and rotate without signing anyone
 * out; old password hashes are upgraded to Argon2id at sign-in.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubSession } from '../../shared/hub/auth';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import { hubLogger } from '../../server/src/http/hub-logger';
import type { ThrowAwayPostgres } from '../hub/support/postgres';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import type { RunningHub } from '../hub/support/hub-harness';
import { hubClient, signIn, startHub } from '../hub/support/hub-harness';

let server: ThrowAwayPostgres;
let running: RunningHub;
let call: ReturnType<typeof hubClient>;
let clock = Date.now();
const logLines: string[] = [];

beforeAll(async () => {
  server = await startThrowAwayPostgres();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  running = await startHub('postgres', server, { now: () => new Date(clock), logger: hubLogger('info', sink) });
  call = hubClient(running.url);
}, 90_000);
afterAll(async () => {
  await running.close();
  server.stop();
});

const login = (username: string, password: string) => call<HubSession & { error?: string; message?: string; retryAfterS?: number }>('POST', '/v1/auth/login', { username, password });

async function newAccount(username: string, role: 'operator' | 'supervisor'): Promise<void> {
  const admin = await signIn(running.url, 'admin');
  const reply = await call('POST', '/v1/accounts', { username, displayName: username, role, password: DEMO_PASSWORD }, admin.token);
  expect(reply.status).toBe(201);
}

function liveSocket(token: string): { socket: WebSocket; opened: Promise<void>; closed: Promise<number> } {
  const socket = new WebSocket(`${running.url.replace('http', 'ws')}/v1/live`, { headers: { authorization: `Bearer ${token}` } });
  const opened = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return { socket, opened, closed };
}

describe('sign-in throttling', () => {
  it('after five wrong passwords an account waits, longer each time, told how long, even with the right password', async () => {
    await newAccount('guessed01', 'supervisor');
    for (let i = 0; i < 5; i++) expect((await login('guessed01', `wrong-${String(i)}`)).status).toBe(401);
    const blocked = await login('guessed01', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: 'THROTTLED', reason: 'SIGN_IN_LOCKED', retryAfterS: 30 });
    clock += 31_000;
    expect((await login('guessed01', 'wrong-again')).status).toBe(401);
    const longer = await login('guessed01', DEMO_PASSWORD);
    expect(longer.body).toMatchObject({ error: 'THROTTLED', retryAfterS: 60 });
    expect(longer.body).toMatchObject({ reason: 'SIGN_IN_LOCKED' });
    clock += 61_000;
    expect((await login('guessed01', DEMO_PASSWORD)).status).toBe(200);
  });

  it('one address guessing across many accounts is slowed too, for every account it tries', async () => {
    for (let i = 0; i < 20; i++) await login(`nobody${String(i)}`, 'guess');
    const other = await login('sup01', DEMO_PASSWORD);
    expect(other.status).toBe(429);
    expect(other.body).toMatchObject({ error: 'THROTTLED', reason: 'SIGN_IN_LOCKED' });
    clock += 31_000;
    expect((await login('sup01', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('sessions end when they must', () => {
  it('sign-out revokes the token at once, and its live socket closes', async () => {
    clock += 16 * 60_000;
    const session = (await login('sup01', DEMO_PASSWORD)).body;
    const live = liveSocket(session.token);
    await live.opened;
    expect((await call('POST', '/v1/auth/logout', undefined, session.token)).status).toBe(200);
    expect(await live.closed).toBe(4001);
    expect((await call('GET', '/v1/seats', undefined, session.token)).status).toBe(401);
    expect((await call('POST', '/v1/auth/refresh', undefined, session.token)).status).toBe(401);
  });

  it('disabling a supervisor closes their live socket within seconds and refuses their tokens and sign-in', async () => {
    await newAccount('sup-gone', 'supervisor');
    const session = (await login('sup-gone', DEMO_PASSWORD)).body;
    const live = liveSocket(session.token);
    await live.opened;
    const admin = await signIn(running.url, 'admin');
    const started = Date.now();
    expect((await call('PUT', '/v1/accounts/sup-gone/disabled', { disabled: true }, admin.token)).status).toBe(200);
    expect(await live.closed).toBe(4001);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await call('GET', '/v1/seats', undefined, session.token)).status).toBe(401);
    expect((await login('sup-gone', DEMO_PASSWORD)).status).toBe(401);
  });

  it('an account disabled in the database by hand (no notification) also loses its live socket within seconds', async () => {
    clock += 16 * 60_000; // past the address's wait that the refused sign-in above added
    await newAccount('sup-by-hand', 'supervisor');
    const session = (await login('sup-by-hand', DEMO_PASSWORD)).body;
    const live = liveSocket(session.token);
    await live.opened;
    await running.sql.query("UPDATE accounts SET disabled = true WHERE username = 'sup-by-hand'");
    const started = Date.now();
    expect(await live.closed).toBe(4001);
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it('refresh keeps a session going for one shift (12 h from the sign-in) and no longer', async () => {
    clock += 16 * 60_000; // past the address's wait that the guessing above earned
    const signedInAt = clock;
    const first = await login('sup01', DEMO_PASSWORD);
    expect(first.status).toBe(200);
    let token = first.body.token;
    // Refreshed every 50 minutes, as a desk does before its hour runs out.
    for (let step = 1; step * 50 < 12 * 60; step++) {
      clock = signedInAt + step * 50 * 60_000;
      const refreshed = await call<HubSession>('POST', '/v1/auth/refresh', undefined, token);
      expect(refreshed.status, `refresh after ${String(step * 50)} min`).toBe(200);
      expect(Date.parse(refreshed.body.expiresAt)).toBeLessThanOrEqual(signedInAt + 12 * 3_600_000);
      token = refreshed.body.token;
    }
    clock = signedInAt + 12 * 3_600_000 + 1_000;
    const late = await call<{ message: string }>('POST', '/v1/auth/refresh', undefined, token);
    expect(late.status).toBe(401);
    clock += 31 * 60_000;
  });
});

describe('tokens, keys and logs', () => {
  it('the live feed refuses a token in the URL and takes it from a header or the first frame', async () => {
    const { token } = await signIn(running.url, 'sup01');
    const inUrl = new WebSocket(`${running.url.replace('http', 'ws')}/v1/live?token=${encodeURIComponent(token)}`);
    const refusal = new Promise<string>((resolve) => inUrl.once('message', (data: Buffer) => resolve(data.toString('utf8'))));
    expect(await new Promise<number>((resolve) => inUrl.on('close', (code) => resolve(code)))).toBe(4001);
    expect(JSON.parse(await refusal)).toMatchObject({ error: 'UNAUTHENTICATED', reason: 'TOKEN_IN_URL' });

    const firstFrame = new WebSocket(`${running.url.replace('http', 'ws')}/v1/live`);
    await new Promise((resolve) => firstFrame.once('open', resolve));
    firstFrame.send(JSON.stringify({ type: 'auth', token }));
    const snapshot = await new Promise<string>((resolve) => firstFrame.once('message', (data: Buffer) => resolve(data.toString('utf8'))));
    expect(JSON.parse(snapshot)).toMatchObject({ type: 'snapshot' });
    firstFrame.close();
  });

  it('request logs carry neither tokens nor passwords nor callers’ numbers', async () => {
    const { token } = await signIn(running.url, 'op01', 'desk-logs-op01');
    await call('GET', '/v1/callers/13955554444/history', undefined, token);
    const inUrl = new WebSocket(`${running.url.replace('http', 'ws')}/v1/live?token=${encodeURIComponent(token)}`);
    await new Promise((resolve) => inUrl.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const log = logLines.join('');
    expect(log).toContain('/v1/callers/[number]/history');
    for (const secret of ['13955554444', token, token.split('.')[2]!, DEMO_PASSWORD]) expect(log).not.toContain(secret);
  });

  it('signing keys are 32 bytes from the CSPRNG; a rotation signs nobody out, the key before it still verifies', async () => {
    const keys = await running.sql.query<{ key: Buffer }>('SELECT key FROM signing_keys');
    expect(keys.map((k) => k.key.length)).toEqual([32]);
    expect(await running.sql.query("SELECT 1 FROM hub_secrets WHERE name = 'token'")).toEqual([]);
    const before = await signIn(running.url, 'op03', 'desk-keys-op03');
    const admin = await signIn(running.url, 'admin');
    const rotated = await call<{ keyId: string }>('POST', '/v1/signing-keys/rotate', undefined, admin.token);
    expect(rotated.status).toBe(200);
    expect((await call('GET', '/v1/duty-list', undefined, before.token)).status).toBe(200);
    const after = await signIn(running.url, 'op03', 'desk-keys-op03');
    expect(after.token.split('.')[0]).toBe(rotated.body.keyId);
    expect(before.token.split('.')[0]).not.toBe(rotated.body.keyId);
    // A second rotation drops the oldest key: tokens it signed (at most an hour old in real use) stop verifying.
    await call('POST', '/v1/signing-keys/rotate', undefined, admin.token);
    expect((await call('GET', '/v1/duty-list', undefined, after.token)).status).toBe(200);
    expect((await call('GET', '/v1/duty-list', undefined, before.token)).status).toBe(401);
  });

  it('passwords are hashed with Argon2id at OWASP parameters; an older scrypt hash still signs in and is upgraded', async () => {
    const salt = randomBytes(16);
    const legacy = ['scrypt', 16384, 8, 1, salt.toString('base64'), scryptSync(DEMO_PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')].join('$');
    await newAccount('legacy01', 'supervisor');
    await running.sql.query("UPDATE accounts SET password_hash = $1 WHERE username = 'legacy01'", [legacy]);
    expect((await login('legacy01', DEMO_PASSWORD)).status).toBe(200);
    const [row] = await running.sql.query<{ password_hash: string }>("SELECT password_hash FROM accounts WHERE username = 'legacy01'");
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login('legacy01', DEMO_PASSWORD)).status).toBe(200);
  });
});
