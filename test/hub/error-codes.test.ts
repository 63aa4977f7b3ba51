/**
 * The hub answers every refusal with codes and facts, never with a sentence
 * for an operator: a representative set of failing requests on PGlite, each
 * answer read by the shared error schema, its reason one of the typed union,
 * and no Chinese character in its message or in its field issues' messages
 * (the desk words them in its own language). The same holds for the entries
 * of a pushed queue that the hub refuses one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubError } from '../../shared/hub/errors';
import { hubErrorReasons, hubErrorSchema } from '../../shared/hub/errors';
import { validationCodes } from '../../shared/validation';
import type { PushOutcome, PushResponse } from '../../shared/hub/sync';
import { pushOutcomeSchema, pushRejectReasons } from '../../shared/hub/sync';
import { describeHubError } from '../../server/src/http/error-text';
import type { Reply, RunningHub } from './support/hub-harness';
import { changeOp, hubClient, registerOp, sampleTransfer, signIn, startHub } from './support/hub-harness';

const HAN = /\p{Script=Han}/u;
const DESK = 'desk-errs-0001';

let running: RunningHub;
let call: ReturnType<typeof hubClient>;
beforeAll(async () => {
  running = await startHub('pglite', undefined, { bodyLimitBytes: 64 * 1024 });
  call = hubClient(running.url);
}, 60_000);
afterAll(async () => {
  await running.close();
});

/** The answer as a HubError, after checking it is one and that nothing in it is worded for an operator. */
function refusal(reply: Reply, status: number): HubError {
  expect(reply.status).toBe(status);
  const parsed = hubErrorSchema.safeParse(reply.body);
  expect(parsed.success, JSON.stringify(reply.body)).toBe(true);
  const error = parsed.data!;
  expect(error.message, error.message).not.toMatch(HAN);
  expect(error.message.length).toBeGreaterThan(0);
  if (error.reason !== undefined) expect(hubErrorReasons).toContain(error.reason);
  for (const issue of error.issues ?? []) {
    expect(issue.message, issue.path).not.toMatch(HAN);
    expect(validationCodes).toContain(issue.code);
  }
  return error;
}

describe('the hub’s refusals are codes with details', () => {
  it('unauthenticated: no token, a forged token, a wrong password', async () => {
    expect(refusal(await call('GET', '/v1/duty-list'), 401)).toMatchObject({ error: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
    const { token } = await signIn(running.url, 'sup01');
    expect(refusal(await call('GET', '/v1/duty-list', undefined, `${token.split('.')[0]!}.AAAA`), 401)).toMatchObject({ reason: 'SESSION_EXPIRED' });
    expect(refusal(await call('POST', '/v1/auth/login', { username: 'sup01', password: 'not-it' }), 401)).toMatchObject({ reason: 'BAD_CREDENTIALS' });
  });

  it('forbidden: a role the route does not take, another desk’s queue, another trainee’s record', async () => {
    const operator = await signIn(running.url, 'op01', DESK);
    expect(refusal(await call('GET', '/v1/accounts', undefined, operator.token), 403)).toMatchObject({ error: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const otherDesk = await call('POST', '/v1/sync/push', { deskId: 'desk-errs-9999', operations: [registerOp(1, 'op01')] }, operator.token);
    expect(refusal(otherDesk, 403)).toMatchObject({ reason: 'OTHER_DESKS_QUEUE', subject: 'desk-errs-9999' });
    const trainee = await signIn(running.url, 'trainee01', 'desk-errs-0002');
    expect(refusal(await call('GET', '/v1/trainees/op01/placement', undefined, trainee.token), 403)).toMatchObject({ reason: 'PLACEMENT_NOT_OWN' });
  });

  it('throttled sign-in: the wait in seconds, not in a sentence', async () => {
    const admin = await signIn(running.url, 'admin');
    expect((await call('POST', '/v1/accounts', { username: 'guessed02', displayName: 'g', role: 'supervisor', password: 'long-enough-1' }, admin.token)).status).toBe(201);
    for (let i = 0; i < 5; i++) refusal(await call('POST', '/v1/auth/login', { username: 'guessed02', password: `wrong-${String(i)}` }), 401);
    const locked = refusal(await call('POST', '/v1/auth/login', { username: 'guessed02', password: 'long-enough-1' }), 429);
    expect(locked).toMatchObject({ error: 'THROTTLED', reason: 'SIGN_IN_LOCKED' });
    expect(locked.retryAfterS).toBeGreaterThan(0);
  });

  it('invalid input: field issues by path with validation codes, even where a schema words its check in Chinese', async () => {
    const admin = await signIn(running.url, 'admin');
    // The shared schema says “密码至少 8 位”: the hub sends the check's code and limit instead.
    const shortPassword = refusal(await call('POST', '/v1/accounts', { username: 'newbie01', displayName: 'n', role: 'operator', password: 'short' }, admin.token), 400);
    expect(shortPassword).toMatchObject({ error: 'INVALID_INPUT', issues: [{ path: 'password', code: 'TOO_SHORT', params: { min: 8 } }] });
    const department = refusal(await call('POST', '/v1/accounts', { username: 'newbie02', displayName: 'n', role: 'department', password: 'long-enough-1' }, admin.token), 400);
    expect(department).toMatchObject({ reason: 'DEPARTMENT_REQUIRED', issues: [{ path: 'departmentId', code: 'REQUIRED' }] });
    const supervisor = await signIn(running.url, 'sup01');
    const reversed = refusal(await call('GET', '/v1/trainees/trainee01/placement?from=2026-03-10&to=2026-03-01', undefined, supervisor.token), 400);
    expect(reversed.issues?.[0]?.path).toBe('from');
    const tooLong = refusal(await call('GET', '/v1/trainees/trainee01/placement?from=2026-01-01&to=2026-06-01', undefined, supervisor.token), 400);
    expect(tooLong).toMatchObject({ reason: 'RANGE_TOO_LONG', limit: 62 });
    const nul = refusal(await call('POST', '/v1/accounts', { username: 'newbie03', displayName: 'a\u0000b', role: 'operator', password: 'long-enough-1' }, admin.token), 400);
    expect(nul).toMatchObject({ reason: 'UNSAFE_TEXT', issues: [{ path: 'body.displayName' }] });
    const malformed = refusal(await call('POST', '/v1/auth/login', undefined, undefined, '{"username": '), 400);
    expect(malformed.error).toBe('MALFORMED_JSON');
  });

  it('not found: a ticket, an account, a route', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const ticketId = '0190a000-0000-7000-8000-000000000000';
    expect(refusal(await call('GET', `/v1/tickets/${ticketId}`, undefined, supervisor.token), 404)).toMatchObject({ reason: 'TICKET_NOT_FOUND', subject: ticketId });
    const admin = await signIn(running.url, 'admin');
    expect(refusal(await call('PUT', '/v1/accounts/nobody01/disabled', { disabled: true }, admin.token), 404)).toMatchObject({ reason: 'ACCOUNT_NOT_FOUND', subject: 'nobody01' });
    expect(refusal(await call('GET', '/v1/no-such-route'), 404)).toMatchObject({ reason: 'ROUTE_NOT_FOUND' });
  });

  it('conflict and sequence mismatch: what is in the way, the sequence expected', async () => {
    const admin = await signIn(running.url, 'admin');
    const taken = refusal(await call('POST', '/v1/accounts', { username: 'op01', displayName: 'x', role: 'operator', password: 'long-enough-1' }, admin.token), 409);
    expect(taken).toMatchObject({ error: 'CONFLICT', reason: 'ACCOUNT_EXISTS', subject: 'op01' });
    const operator = await signIn(running.url, 'op01', DESK);
    const gap = refusal(await call('POST', '/v1/sync/push', { deskId: DESK, operations: [registerOp(7, 'op01')] }, operator.token), 409);
    expect(gap).toMatchObject({ error: 'SEQ_GAP', expectedSeq: 1 });
  });

  it('an oversized body', async () => {
    const operator = await signIn(running.url, 'op01', DESK);
    const huge = await call('POST', '/v1/sync/push', { deskId: DESK, operations: [registerOp(1, 'op01', { description: '长'.repeat(100_000) })] }, operator.token);
    expect(refusal(huge, 413).error).toBe('BODY_TOO_LARGE');
  });

  it('prints clearly for a person at the admin console', () => {
    const text = describeHubError({ error: 'CONFLICT', reason: 'DEPARTMENT_IN_USE', message: 'duties still name department city-x', subject: 'city-x', refs: ['D-1', 'D-2'] });
    expect(text).toBe('CONFLICT/DEPARTMENT_IN_USE: duties still name department city-x (refs: D-1, D-2)');
    expect(describeHubError({ error: 'INVALID_INPUT', message: 'invalid body', issues: [{ path: 'password', message: 'Too small', code: 'TOO_SHORT' }] })).toBe(
      'INVALID_INPUT: invalid body (password: Too small)',
    );
  });
});

/** The refused outcomes of a push answer, after checking each is one the schema reads and nothing in it is worded for an operator. */
function refusedEntries(reply: Reply): Extract<PushOutcome, { outcome: 'rejected' }>[] {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return (reply.body as PushResponse).outcomes.flatMap((raw) => {
    const outcome = pushOutcomeSchema.parse(raw);
    if (outcome.outcome !== 'rejected') return [];
    expect(outcome.message, outcome.message).not.toMatch(HAN);
    expect(outcome.message.length).toBeGreaterThan(0);
    for (const issue of outcome.issues ?? []) {
      expect(issue.message, issue.path).not.toMatch(HAN);
      expect(validationCodes).toContain(issue.code);
    }
    return [outcome];
  });
}

describe('a pushed entry’s refusal is a code with details', () => {
  it('answers every reason with English for logs and the facts to word it with', async () => {
    const own = await signIn(running.url, 'op01', 'desk-errs-0011');
    const reg = registerOp(1, 'op01');
    const deep = registerOp(5, 'op01');
    let nested: unknown = {};
    for (let i = 0; i < 10; i++) nested = { n: nested };
    (deep.payload as Record<string, unknown>).extra = nested;
    const ownBatch = [
      reg,
      registerOp(2, 'op01', { description: '短' }),
      { ...registerOp(3, 'op01'), trusted: true },
      registerOp(4, 'op01', { callerName: '王\u0000' }),
      deep,
      registerOp(6, 'op01'),
      changeOp(7, 'op01', 'ticket.answer', '0190a000-0000-7000-8000-00000000e001', { articleId: null, answer: '已答复政策。' }),
      { ...registerOp(8, 'op01'), opId: reg.opId },
      changeOp(9, 'op01', 'ticket.callback', reg.ticketId, { solved: true, satisfaction: 'satisfied', comments: '' }),
    ];
    (ownBatch[5] as { author: string }).author = 'ghost01';
    const refused = refusedEntries(await call('POST', '/v1/sync/push', { deskId: 'desk-errs-0011', operations: ownBatch }, own.token));
    expect(refused.map((o) => o.reason)).toEqual(['INVALID_ENTRY', 'UNKNOWN_FIELD', 'UNSAFE_TEXT', 'TOO_DEEP', 'UNKNOWN_AUTHOR', 'NOT_FOUND', 'ID_TAKEN', 'WRONG_STATE']);
    expect(refused[0]).toMatchObject({ issues: [{ path: 'payload.description', code: 'DESCRIPTION_TOO_SHORT', params: { min: 5 } }] });
    expect(refused[3]).toMatchObject({ limit: 8 });
    expect(refused[4]).toMatchObject({ subject: 'ghost01' });
    expect(refused[5]).toMatchObject({ subject: '0190a000-0000-7000-8000-00000000e001' });
    expect(refused[6]).toMatchObject({ subject: reg.opId });
    expect(refused[7]).toMatchObject({ subject: reg.ticketId, state: 'registered' });

    const other = await signIn(running.url, 'op02', 'desk-errs-0012');
    const notOwner = refusedEntries(
      await call('POST', '/v1/sync/push', { deskId: 'desk-errs-0012', operations: [changeOp(1, 'op02', 'ticket.answer', reg.ticketId, { articleId: null, answer: '已答复。' })] }, other.token),
    );
    expect(notOwner).toMatchObject([{ reason: 'NOT_OWNER', subject: reg.ticketId }]);

    const trainee = await signIn(running.url, 'trainee01', 'desk-errs-0013');
    const mine = registerOp(1, 'trainee01');
    const review = refusedEntries(
      await call('POST', '/v1/sync/push', { deskId: 'desk-errs-0013', operations: [mine, changeOp(2, 'trainee01', 'ticket.transfer', mine.ticketId, sampleTransfer)] }, trainee.token),
    );
    expect(review).toMatchObject([{ reason: 'REVIEW_REQUIRED', subject: mine.ticketId }]);

    // Every reason a desk has words for was answered here, so none of them still carries a sentence.
    expect(new Set([...refused, ...notOwner, ...review].map((o) => o.reason))).toEqual(new Set(pushRejectReasons));
  });
});
