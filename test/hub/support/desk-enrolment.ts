import { DEMO_PASSWORD } from '../../../server/src/catalogue/seed';
import type { HubSession } from '../../../shared/hub/auth';
import type { DeskCredential, EnrolledDesk } from '../../../shared/hub/desks';

/**
 * Enrolment as the tests need it: an admin enrols a seat and hands its
 * one-time code to the desk, which redeems it for its own credential —
 * the same routes a centre uses, so every test's desk is a real enrolled one.
 */
const adminTokens = new Map<string, Promise<string>>();
const credentials = new Map<string, Promise<string>>();
let seats = 0;

async function post<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${String(response.status)}: ${text}`);
  return JSON.parse(text) as T;
}

/** The demo admin's token at this hub (signed in once per hub: password hashing is slow on purpose). */
export function adminToken(baseUrl: string): Promise<string> {
  let token = adminTokens.get(baseUrl);
  if (!token) {
    token = post<HubSession>(baseUrl, '/v1/auth/login', { username: 'admin', password: DEMO_PASSWORD }).then((s) => s.token);
    token.catch(() => adminTokens.delete(baseUrl));
    adminTokens.set(baseUrl, token);
  }
  return token;
}

/** A seat name no other test uses on this hub. */
export function testSeat(): string {
  seats += 1;
  return `T${String(seats)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An admin enrols a seat; the one-time code the desk's operator would be given. */
export async function enrolmentCode(baseUrl: string, input: { seat?: string; team?: string | null; extension?: string | null } = {}): Promise<EnrolledDesk> {
  return post<EnrolledDesk>(baseUrl, '/v1/desks', { seat: input.seat ?? testSeat(), team: input.team ?? null, extension: input.extension ?? null }, await adminToken(baseUrl));
}

/** Enrols a desk id (once per hub) and returns its credential, as a desk would keep it. */
export function deskCredential(baseUrl: string, deskId: string): Promise<string> {
  const key = `${baseUrl} ${deskId}`;
  let credential = credentials.get(key);
  if (!credential) {
    credential = enrolmentCode(baseUrl)
      .then(({ code }) => post<DeskCredential>(baseUrl, '/v1/desks/redeem', { code, deskId }))
      .then((c) => c.credential);
    credential.catch(() => credentials.delete(key));
    credentials.set(key, credential);
  }
  return credential;
}

/** Enrols a desk's local services at a hub, as its operator would with the admin's code. */
export async function enrolDesk(services: { hub: { enrol(hubUrl: string, code: string): Promise<unknown> } }, hubUrl: string, adminHubUrl = hubUrl): Promise<void> {
  const { code } = await enrolmentCode(adminHubUrl);
  await services.hub.enrol(hubUrl, code);
}
