/**
 * The desk's side of its link to the hub, with the desk's real services
 * against a real hub on PostgreSQL: it will not talk to a hub or SIP proxy
 * other than this machine in the clear unless the lab switch is on; the hub
 * can serve TLS itself; token lifetime is counted from the hub's answer, not
 * by comparing clocks; an entry the hub refuses stays visible and the queue
 * moves on.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { createLogger } from '../../electron/services/logger';
import { createHub } from '../../server/src/app';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { DeskHandlers } from '../../shared/desk-handlers';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import type { DeskError } from '../../shared/result';
import type { ThrowAwayPostgres } from '../hub/support/postgres';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import type { RunningHub } from '../hub/support/hub-harness';
import { freshDatabase, resourcesDir, startHub } from '../hub/support/hub-harness';
import { enrolDesk } from '../hub/support/desk-enrolment';
import { sampleRegistration } from '../support/sample-ticket';

let server: ThrowAwayPostgres;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
}, 90_000);
afterAll(() => {
  server.stop();
});

const opened: { services: DeskServices; dir: string }[] = [];
afterEach(() => {
  for (const { services, dir } of opened.splice(0)) {
    services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function newDesk(): { services: DeskServices; desk: DeskHandlers } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-link-'));
  const services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 60_000 });
  opened.push({ services, dir });
  return { services, desk: services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) }) };
}

const quiet = { warn: () => undefined, error: () => undefined };
async function api<M extends DeskMethod>(desk: DeskHandlers, method: M, input: unknown): Promise<{ ok: true; value: DeskOutput<M> } | { ok: false; error: DeskError }> {
  return (await invokeDeskMethod(desk, method, input, quiet)) as { ok: true; value: DeskOutput<M> } | { ok: false; error: DeskError };
}

describe('transport', () => {
  // 192.0.2.0/24 is reserved for documentation: nothing answers there, and the desk must not even try.
  const elsewhere = 'http://192.0.2.10:8720';

  it('refuses a plain http:// hub and a plain ws:// SIP proxy on another machine unless the lab switch is on, before sending anything', async () => {
    const { services, desk } = newDesk();
    services.settings.update({ hubUrl: elsewhere });
    const started = Date.now();
    const refused = await api(desk, 'hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'hubUrl', code: 'HUB_URL_INSECURE' }] } });
    // Refused at once, not after a connection attempt timed out.
    expect(Date.now() - started).toBeLessThan(5_000);

    const sip = await api(desk, 'updatePhoneSettings', { serverUri: 'ws://192.0.2.10:8088/ws', domain: 'pbx.example', extension: '1001' });
    expect(sip).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'serverUri' }] } });
    // Loopback (tests, a PBX on this machine) and TLS are fine without the switch.
    expect(await api(desk, 'updatePhoneSettings', { serverUri: 'ws://127.0.0.1:8088/ws', domain: 'pbx.example', extension: '1001' })).toMatchObject({ ok: true });
    expect(await api(desk, 'updatePhoneSettings', { serverUri: 'wss://pbx.example:7443/ws', domain: 'pbx.example', extension: '1001' })).toMatchObject({ ok: true });

    // With the lab switch on, the plain proxy is accepted; turned off again, the phone is not given it.
    services.settings.update({ labInsecureTransport: true });
    expect(await api(desk, 'updatePhoneSettings', { serverUri: 'ws://192.0.2.10:8088/ws' })).toMatchObject({ ok: true });
    services.settings.update({ labInsecureTransport: false });
    expect(await api(desk, 'getSipCredentials', undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('the hub serves https:// itself from a certificate and key file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-tls-'));
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
      stdio: 'ignore',
    });
    const { sql } = await freshDatabase('postgres', server);
    const hub = await createHub({ sql, resourcesDir, tls: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } });
    try {
      await hub.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = hub.app.server.address() as AddressInfo;
      const health = await new Promise<{ status: number; body: string; protocol: string }>((resolve, reject) => {
        const request = https.get({ host: '127.0.0.1', port, path: '/v1/health', ca: fs.readFileSync(cert) }, (response) => {
          const protocol = (response.socket as unknown as { getProtocol(): string }).getProtocol();
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, body, protocol });
          });
        });
        request.on('error', reject);
      });
      expect(health).toMatchObject({ status: 200, body: '{"ok":true}' });
      expect(['TLSv1.2', 'TLSv1.3']).toContain(health.protocol);
      // Plain HTTP to the same port gets no answer from the API.
      await expect(fetch(`http://127.0.0.1:${String(port)}/v1/health`).then((r) => r.status)).rejects.toThrow();
    } finally {
      await hub.close();
      await sql.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the desk and the hub’s clock', () => {
  let running: RunningHub;
  beforeAll(async () => {
    // The hub's clock is two hours ahead of this machine's.
    running = await startHub('postgres', server, { now: () => new Date(Date.now() + 2 * 3600_000) });
  }, 60_000);
  afterAll(async () => {
    await running.close();
  });

  it('counts the token’s life from the hub’s answer (seconds), so a desk whose clock differs neither expires early nor refreshes late', async () => {
    const { services, desk } = newDesk();
    services.settings.update({ hubUrl: running.url });
    await enrolDesk(services, running.url);
    const before = Date.now();
    const session = await api(desk, 'hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    expect(session.ok).toBe(true);
    const expiresAt = Date.parse(services.hub.view()?.expiresAt ?? '');
    // One hour from now by this machine's clock, not three (the hub's instant read on a slow clock).
    expect(expiresAt - before).toBeGreaterThan(3_590_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(3_600_000);
  });
});

describe('a refused entry', () => {
  let running: RunningHub;
  beforeAll(async () => {
    running = await startHub('postgres', server);
  }, 60_000);
  afterAll(async () => {
    await running.close();
  });

  it('stays visible at the desk with the hub’s reason, never deleted silently, and the queue behind it goes out', async () => {
    const { services, desk } = newDesk();
    services.settings.update({ hubUrl: running.url });
    const bad = sampleRegistration({ description: '门店占道经营\u0000严重影响通行' });
    const good = sampleRegistration();
    // Today's desk refuses such text at the form; an entry queued by an older desk version still holds it.
    services.tickets.register(bad, { author: 'seat:A-017', trainee: false });
    expect(await api(desk, 'registerTicket', { registration: good, trainee: false })).toMatchObject({ ok: true });
    // Not enrolled yet: the queue waits here and the status says why.
    expect(await api(desk, 'getSyncStatus', undefined)).toMatchObject({ ok: true, value: { pending: 2, lastError: { code: 'NOT_ENROLLED' } } });

    await enrolDesk(services, running.url);
    expect(await api(desk, 'hubSignIn', { username: 'op01', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(await api(desk, 'syncNow', undefined)).toMatchObject({ ok: true, value: { pending: 0, needsAttention: 1 } });
    const rejected = await api(desk, 'listRejectedOutbox', undefined);
    expect(rejected).toMatchObject({ ok: true, value: [{ ticketId: bad.id, kind: 'ticket.register', reason: 'UNSAFE_TEXT', details: { issues: [{ path: 'entry.payload.description' }] } }] });
    const atHub = await running.sql.query<{ id: string }>('SELECT id FROM tickets WHERE id = ANY($1::uuid[])', [[bad.id, good.id]]);
    expect(atHub.map((r) => r.id)).toEqual([good.id]);
  });
});
