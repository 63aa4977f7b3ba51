/**
 * Attacks on desk identity with ordinary accounts, against a real hub on a
 * throw-away PostgreSQL: naming another desk's id at sign-in, pushing into its
 * queue, pulling its tickets, showing up on the board as its seat, guessing
 * and reusing enrolment codes, and working on after the desk was retired.
 * A desk acts for itself only after an admin enrolled it and it redeemed the
 * one-time code for a credential of its own.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { HubSession } from '../../shared/hub/auth';
import type { DeskCredential, DeskEnrolment, EnrolledDesk } from '../../shared/hub/desks';
import type { HubTicket } from '../../shared/hub/hub-ticket';
import type { Seat } from '../../shared/hub/presence';
import type { PullResponse, PushResponse } from '../../shared/hub/sync';
import { registerOp, signIn } from '../hub/support/hub-harness';
import type { HubSuite } from '../hub/support/hub-suite';
import { postgresHubSuite } from '../hub/support/hub-suite';
import { adminToken, enrolmentCode, testSeat } from '../hub/support/desk-enrolment';

const suite = postgresHubSuite();
const call: HubSuite['call'] = (...args) => suite.call(...args);

let deskCounter = 0;
const newDeskId = (): string => `desk-sec-a-${String(++deskCounter).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`;

/** An enrolled desk: the admin's code redeemed by this desk id. */
async function enrolled(input: { extension?: string } = {}): Promise<{ deskId: string; credential: DeskCredential; enrolment: EnrolledDesk }> {
  const deskId = newDeskId();
  const enrolment = await enrolmentCode(suite.running.url, { extension: input.extension ?? null });
  const redeemed = await call<DeskCredential>('POST', '/v1/desks/redeem', { code: enrolment.code, deskId });
  expect(redeemed.status).toBe(200);
  return { deskId, credential: redeemed.body, enrolment };
}

const login = (body: Record<string, unknown>) => call<HubSession & { error?: string; message?: string }>('POST', '/v1/auth/login', { password: DEMO_PASSWORD, ...body });

describe('a desk is who the hub enrolled, never whom a body names', () => {
  it('signing in with another desk’s id but without its credential (or with a made-up one) gets no session for that desk', async () => {
    const victim = await enrolled();
    // The victim desk works normally.
    const own = await login({ username: 'op01', deskId: victim.deskId, deskCredential: victim.credential.credential });
    expect(own.status).toBe(200);
    expect(own.body.deskId).toBe(victim.deskId);

    const bare = await login({ username: 'op02', deskId: victim.deskId });
    expect(bare.status).toBe(403);
    expect(bare.body).toMatchObject({ error: 'DESK_NOT_ENROLLED' });
    expect(bare.body.token).toBeUndefined();
    const forged = await login({ username: 'op02', deskId: victim.deskId, deskCredential: 'A'.repeat(43) });
    expect(forged.status).toBe(403);
    // Another desk's credential does not open this one either.
    const other = await enrolled();
    const crossed = await login({ username: 'op02', deskId: victim.deskId, deskCredential: other.credential.credential });
    expect(crossed.status).toBe(403);
    // A desk id that was never enrolled is refused the same way.
    expect((await login({ username: 'op02', deskId: newDeskId() })).status).toBe(403);
  });

  it('an operator’s or a trainee’s password alone, without any desk, opens nothing (answered as a wrong one); supervisors and department users sign in from their own tools', async () => {
    for (const username of ['op02', 'trainee01']) {
      const deskless = await login({ username });
      expect(deskless.status, username).toBe(401);
      expect(deskless.body).toMatchObject({ error: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
      expect(deskless.body.token).toBeUndefined();
    }
    expect((await login({ username: 'sup01' })).status).toBe(200);
    expect((await login({ username: 'dept-urban' })).status).toBe(200);
  });

  it('an operator at their own desk cannot push into, or pull from, another desk’s queue: the victim’s next entries are applied, not answered duplicate', async () => {
    const victim = await enrolled();
    const victimSession = await login({ username: 'op01', deskId: victim.deskId, deskCredential: victim.credential.credential });
    const first = registerOp(1, 'op01', { confidential: true, callerName: '匿名举报人', callerNumber: '13900001111' });
    expect((await call<PushResponse>('POST', '/v1/sync/push', { deskId: victim.deskId, operations: [first] }, victimSession.body.token)).body.lastSeq).toBe(1);

    const attacker = await signIn(suite.running.url, 'op02', newDeskId());
    // Junk under the victim's desk id, to move its sequence forward: refused outright.
    const junk = [registerOp(2, 'op02'), registerOp(3, 'op02'), registerOp(4, 'op02')];
    const pushed = await call('POST', '/v1/sync/push', { deskId: victim.deskId, operations: junk }, attacker.token);
    expect(pushed.status).toBe(403);
    // Pull returns the attacker's own desk's tickets only: the victim's confidential ticket is not among them.
    const pulled = await call<PullResponse>('GET', '/v1/sync/pull?cursor=0&limit=1000', undefined, attacker.token);
    expect(pulled.status).toBe(200);
    expect(pulled.body.changes.filter((c) => c.type === 'ticket').map((c) => (c as { ticket: HubTicket }).ticket.id)).not.toContain(first.ticketId);

    // The victim's queue goes on at 2: applied, nothing lost.
    const next = registerOp(2, 'op01');
    const reply = await call<PushResponse>('POST', '/v1/sync/push', { deskId: victim.deskId, operations: [next] }, victimSession.body.token);
    expect(reply.body.outcomes).toEqual([{ seq: 2, outcome: 'accepted', ticketNumber: expect.any(String) as string }]);
  });

  it('presence is the session’s desk’s only: an account cannot appear on the board as another seat, and the seat keeps its enrolled extension', async () => {
    const seat = await enrolled({ extension: '1017' });
    const op01 = await login({ username: 'op01', deskId: seat.deskId, deskCredential: seat.credential.credential });
    const report = { state: 'on_call', since: new Date().toISOString(), callStartedAt: new Date().toISOString(), reason: null, helpRequested: true, extension: '1001' };
    const shown = await call<Seat>('PUT', '/v1/presence', report, op01.body.token);
    expect(shown.body).toMatchObject({ deskId: seat.deskId, operator: 'op01', extension: '1017', seatName: seat.enrolment.enrolment.seat });

    // op02 tries to show up as that seat: no session for it, so its reports land on its own desk.
    expect((await login({ username: 'op02', deskId: seat.deskId })).status).toBe(403);
    const own = await signIn(suite.running.url, 'op02', newDeskId());
    const report2 = await call<Seat>('PUT', '/v1/presence', { ...report, extension: '1017' }, own.token);
    expect(report2.body.deskId).toBe(own.deskId);
    const supervisor = await signIn(suite.running.url, 'sup01');
    const board = await call<Seat[]>('GET', '/v1/seats', undefined, supervisor.token);
    expect(board.body.find((s) => s.deskId === seat.deskId)).toMatchObject({ operator: 'op01', helpRequested: true, seatName: seat.enrolment.enrolment.seat });
  });
});

describe('enrolment codes', () => {
  it('work once, for one desk, before they expire; only admins make them; the hub keeps no code or credential in the clear', async () => {
    const operator = await signIn(suite.running.url, 'op01', `desk-codes-${String(Date.now())}`);
    expect((await call('POST', '/v1/desks', { seat: testSeat() }, operator.token)).status).toBe(403);
    expect((await call('GET', '/v1/desks', undefined, operator.token)).status).toBe(403);

    const { code, enrolment } = await enrolmentCode(suite.running.url, { seat: 'A-017', team: '一组' });
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(enrolment).toMatchObject({ seat: 'A-017', team: '一组', state: 'waiting', deskId: null });
    // The same seat cannot be enrolled twice while the first enrolment stands.
    expect((await call('POST', '/v1/desks', { seat: 'A-017' }, await adminToken(suite.running.url))).status).toBe(409);

    const deskId = newDeskId();
    // Typed in lower case with spaces, it still works (read from paper).
    const redeemed = await call<DeskCredential>('POST', '/v1/desks/redeem', { code: code.toLowerCase().replace(/-/g, ' '), deskId });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ deskId, seat: 'A-017', team: '一组' });
    // Another desk cannot use the same code, and this desk id cannot be bound by another code.
    expect((await call('POST', '/v1/desks/redeem', { code, deskId: newDeskId() })).status).toBe(403);
    const second = await enrolmentCode(suite.running.url);
    expect((await call('POST', '/v1/desks/redeem', { code: second.code, deskId })).status).toBe(403);

    // Once the credential has signed in, the code cannot mint another one even for the same desk.
    expect((await login({ username: 'op01', deskId, deskCredential: redeemed.body.credential })).status).toBe(200);
    expect((await call('POST', '/v1/desks/redeem', { code, deskId })).status).toBe(403);

    // An expired code is refused.
    const late = await enrolmentCode(suite.running.url);
    await suite.running.sql.query("UPDATE desks SET code_expires_at = now() - interval '1 minute' WHERE id = $1", [late.enrolment.id]);
    expect((await call('POST', '/v1/desks/redeem', { code: late.code, deskId: newDeskId() })).status).toBe(403);

    // Nothing in the desks table reveals a code or a credential.
    const dump = JSON.stringify(await suite.running.sql.query('SELECT * FROM desks'));
    expect(dump).not.toContain(code.replace(/-/g, ''));
    expect(dump).not.toContain(redeemed.body.credential);
  });

  it('redemption is throttled per address: after ten wrong codes even the right one waits, with a Chinese message saying how long', async () => {
    await suite.running.sql.query('DELETE FROM desk_redeem_failures');
    const { code } = await enrolmentCode(suite.running.url);
    for (let i = 0; i < 10; i++) {
      const wrong = await call('POST', '/v1/desks/redeem', { code: 'ZZZZ-ZZZZ-ZZZ' + String(i % 10), deskId: newDeskId() });
      expect(wrong.status).toBe(403);
    }
    const blocked = await call<{ error: string; message: string }>('POST', '/v1/desks/redeem', { code, deskId: newDeskId() });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: 'THROTTLED', reason: 'ENROLMENT_LOCKED', retryAfterS: expect.any(Number) as unknown });
    await suite.running.sql.query('DELETE FROM desk_redeem_failures');
  });
});

describe('retiring a desk', () => {
  it('ends its sessions at once, stops its credential, and is listed for the admin with the accounts that worked there', async () => {
    const desk = await enrolled();
    const session = await login({ username: 'op03', deskId: desk.deskId, deskCredential: desk.credential.credential });
    expect((await call('GET', '/v1/sync/pull?cursor=0&limit=10', undefined, session.body.token)).status).toBe(200);

    const admin = await adminToken(suite.running.url);
    const listed = await call<DeskEnrolment[]>('GET', '/v1/desks', undefined, admin);
    expect(listed.body.find((d) => d.deskId === desk.deskId)).toMatchObject({ state: 'enrolled', accounts: ['op03'] });

    const retired = await call<DeskEnrolment>('POST', `/v1/desks/${String(desk.enrolment.enrolment.id)}/retire`, undefined, admin);
    expect(retired.body).toMatchObject({ state: 'retired', deskId: desk.deskId });
    // The token has not run out, but it no longer acts for anything.
    expect((await call('GET', '/v1/sync/pull?cursor=0&limit=10', undefined, session.body.token)).status).toBe(401);
    expect((await call('POST', '/v1/sync/push', { deskId: desk.deskId, operations: [registerOp(1, 'op03')] }, session.body.token)).status).toBe(401);
    expect((await call('POST', '/v1/auth/refresh', undefined, session.body.token)).status).toBe(401);
    expect((await login({ username: 'op03', deskId: desk.deskId, deskCredential: desk.credential.credential })).status).toBe(403);
    // Retired twice: a clear conflict.
    expect((await call('POST', `/v1/desks/${String(desk.enrolment.enrolment.id)}/retire`, undefined, admin)).status).toBe(409);
  });
});

describe('token lifetime by the hub’s clock', () => {
  it('a session says how many seconds its token has, at sign-in and at refresh', async () => {
    const session = await signIn(suite.running.url, 'op01', newDeskId());
    expect(session.expiresInS).toBe(3600);
    const renewed = await call<HubSession>('POST', '/v1/auth/refresh', undefined, session.token);
    expect(renewed.body.expiresInS).toBe(3600);
  });
});
