import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHub } from '../../../server/src/app';
import type { Hub, HubOptions } from '../../../server/src/app';
import { DEMO_PASSWORD } from '../../../server/src/catalogue/seed';
import { connectPostgres } from '../../../server/src/db/pg-driver';
import { openPglite } from '../../../server/src/db/pglite-driver';
import type { Sql } from '../../../server/src/db/sql';
import type { HubSession } from '../../../shared/hub/auth';
import type { PushOperation } from '../../../shared/hub/sync';
import { uuidv7 } from '../../../shared/tickets/uuid7';
import { sampleRegistration } from '../../support/sample-ticket';
import type { ThrowAwayPostgres } from './postgres';
import { deskCredential } from './desk-enrolment';

export const resourcesDir = path.resolve(import.meta.dirname, '..', '..', '..', 'resources');

/** A fresh, empty database on the chosen driver: a new database in the test's cluster, or an in-memory PGlite. */
export async function freshDatabase(driver: 'postgres' | 'pglite', server?: ThrowAwayPostgres): Promise<{ sql: Sql; url: string | null }> {
  if (driver === 'pglite') return { sql: await openPglite(), url: null };
  const name = `hub_${Math.random().toString(36).slice(2, 10)}`;
  const admin = connectPostgres(server!.url, { max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = server!.url.replace(/\/[^/]*$/, `/${name}`);
  return { sql: connectPostgres(url), url };
}

export interface RunningHub {
  hub: Hub;
  sql: Sql;
  url: string;
  databaseUrl: string | null;
  close(): Promise<void>;
}

/** A hub on 127.0.0.1 with the demo accounts, over a fresh database. */
export async function startHub(
  driver: 'postgres' | 'pglite',
  server?: ThrowAwayPostgres,
  options: Pick<HubOptions, 'bodyLimitBytes' | 'clockToleranceMs' | 'now' | 'logger'> = {},
): Promise<RunningHub> {
  const { sql, url: databaseUrl } = await freshDatabase(driver, server);
  const hub = await createHub({ sql, resourcesDir, demoAccounts: true, ...options });
  await hub.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = hub.app.server.address() as AddressInfo;
  return {
    hub,
    sql,
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    close: async () => {
      await hub.close();
      await sql.close();
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

/** A small JSON client for the tests: `call('POST', '/v1/…', body, token)`. */
export function hubClient(baseUrl: string) {
  return async function call<T = Record<string, unknown>>(method: string, url: string, body?: unknown, token?: string, rawBody?: string): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(baseUrl + url, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}

/** Signs in as a demo account; with a desk id, at that desk, enrolled first if it is not yet (see desk-enrolment.ts). */
export async function signIn(baseUrl: string, username: string, deskId?: string): Promise<HubSession> {
  const desk = deskId ? { deskId, deskCredential: await deskCredential(baseUrl, deskId) } : {};
  const reply = await hubClient(baseUrl)<HubSession>('POST', '/v1/auth/login', { username, password: DEMO_PASSWORD, ...desk });
  if (reply.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A register operation as a desk's outbox sends it. */
export function registerOp(seq: number, author: string, overrides: Parameters<typeof sampleRegistration>[0] = {}): PushOperation {
  const registration = sampleRegistration(overrides);
  return { seq, opId: uuidv7(), author, kind: 'ticket.register', ticketId: registration.id, payload: registration, createdAt: new Date().toISOString() };
}

export function changeOp(seq: number, author: string, kind: PushOperation['kind'], ticketId: string, payload: unknown): PushOperation {
  return { seq, opId: uuidv7(), author, kind, ticketId, payload, createdAt: new Date().toISOString() };
}

export const sampleTransfer = { lead: 'city-urban', co: [], dutyId: 'D-0001', timeLimitDays: 3, timeLimitReason: null, supervision: 'none', notes: '' } as const;
