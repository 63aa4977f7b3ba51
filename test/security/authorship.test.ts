/**
 * No pushed field raises a privilege: the hub decides who wrote an entry from
 * what it knows — the session's account, accounts that signed in at this same
 * desk before (a shift change), or this desk's enrolled seat for work written
 * before anyone signed in — and trainee review from those facts, never from
 * the `author` name a desk pushes. Real hub, real PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { HubTicket } from '../../shared/hub/hub-ticket';
import type { PushOperation, PushResponse } from '../../shared/hub/sync';
import { changeOp, registerOp, sampleTransfer, signIn } from '../hub/support/hub-harness';
import type { HubSuite } from '../hub/support/hub-suite';
import { postgresHubSuite } from '../hub/support/hub-suite';

const suite = postgresHubSuite();
const call: HubSuite['call'] = (...args) => suite.call(...args);

let deskCounter = 0;
const newDeskId = (): string => `desk-author-${String(++deskCounter).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`;

async function push(deskId: string, token: string, operations: PushOperation[]): Promise<PushResponse> {
  const reply = await call<PushResponse>('POST', '/v1/sync/push', { deskId, operations }, token);
  expect(reply.status).toBe(200);
  return reply.body;
}

const outcomes = (body: PushResponse): string[] => body.outcomes.map((o) => (o.outcome === 'rejected' ? o.reason : o.outcome));

async function ticket(id: string): Promise<{ author: string; trainee: boolean; review: string; state: string } | undefined> {
  const [row] = await suite.running.sql.query<{ author: string; trainee: boolean; review: string; state: string }>('SELECT author, trainee, review, state FROM tickets WHERE id = $1', [id]);
  return row;
}

describe('authorship and review come from the session’s facts', () => {
  it('a trainee who names an operator as the author is refused for that entry, and the entries after it are applied', async () => {
    const deskId = newDeskId();
    const trainee = await signIn(suite.running.url, 'trainee01', deskId);
    const posing = registerOp(1, 'op01');
    const own = registerOp(2, 'trainee01');
    const body = await push(deskId, trainee.token, [posing, own]);
    expect(outcomes(body)).toEqual(['UNKNOWN_AUTHOR', 'accepted']);
    expect(await ticket(posing.ticketId)).toBeUndefined();
    expect(await ticket(own.ticketId)).toMatchObject({ author: 'trainee01', trainee: true, review: 'pending' });
  });

  it('a trainee’s `seat:` entries are the enrolled seat’s, still reviewed: the transfer waits for a supervisor', async () => {
    const deskId = newDeskId();
    const trainee = await signIn(suite.running.url, 'trainee01', deskId);
    const bySeat = registerOp(1, 'seat:SUP-01');
    const transfer = changeOp(2, 'seat:SUP-01', 'ticket.transfer', bySeat.ticketId, sampleTransfer);
    const body = await push(deskId, trainee.token, [bySeat, transfer]);
    expect(outcomes(body)[0]).toBe('accepted');
    expect(body.outcomes[1]).toMatchObject({ outcome: 'rejected' });
    const [desk] = await suite.running.sql.query<{ seat: string }>('SELECT seat FROM desks WHERE desk_id = $1', [deskId]);
    expect(await ticket(bySeat.ticketId)).toMatchObject({ author: `seat:${desk?.seat ?? '?'}`, trainee: true, review: 'pending', state: 'registered' });
    const supervisor = await signIn(suite.running.url, 'sup01');
    const queue = await call<HubTicket[]>('GET', '/v1/reviews', undefined, supervisor.token);
    expect(queue.body.map((t) => t.id)).toContain(bySeat.ticketId);
  });

  it('an operator cannot name a colleague who never signed in at this desk; a real shift change at the same desk keeps the earlier operator as author', async () => {
    const deskId = newDeskId();
    const op02 = await signIn(suite.running.url, 'op02', deskId);
    const posing = registerOp(1, 'op01');
    expect(outcomes(await push(deskId, op02.token, [posing]))).toEqual(['UNKNOWN_AUTHOR']);

    // op01 really worked at this desk (signed in here), then op02 took over and delivers op01's queue.
    await signIn(suite.running.url, 'op01', deskId);
    const op02Again = await signIn(suite.running.url, 'op02', deskId);
    const earlierShift = registerOp(2, 'op01');
    expect(outcomes(await push(deskId, op02Again.token, [earlierShift]))).toEqual(['accepted']);
    expect(await ticket(earlierShift.ticketId)).toMatchObject({ author: 'op01', trainee: false, review: 'not_required' });
    const [event] = await suite.running.sql.query<{ author: string; sent_by: string }>('SELECT author, sent_by FROM ticket_events WHERE op_id = $1', [earlierShift.opId]);
    expect(event).toEqual({ author: 'op01', sent_by: 'op02' });

    // An account disabled since it signed in here can no longer be named.
    await suite.running.sql.query("UPDATE accounts SET disabled = true WHERE username = 'op01'");
    try {
      expect(outcomes(await push(deskId, op02Again.token, [registerOp(3, 'op01')]))).toEqual(['UNKNOWN_AUTHOR']);
    } finally {
      await suite.running.sql.query("UPDATE accounts SET disabled = false WHERE username = 'op01'");
    }
  });
});
