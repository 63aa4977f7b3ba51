import { describe, expect, it } from 'vitest';
import type { DeskSession, HandoverNote } from '../../../shared/hub/desk-session';
import type { TicketRecord } from '../../../shared/tickets/ticket-record';
import { sampleHubTicket } from '../../../test/support/sample-hub-ticket';
import { awaitingCallbackCount, handoverKey, handoverToShow, isDue, replyRows, replyStatus } from './hub-view';

const session = (username: string): DeskSession => ({ username, displayName: username, role: 'operator', team: '一组', expiresAt: '2026-11-22T12:00:00.000Z' });
const note: HandoverNote = { from: 'op01', text: '3 号来电人下午会再打来。', at: '2026-11-22T08:00:00.000Z' };
const reply = { text: '已整改。', solved: true, department: 'city-urban', at: '2026-11-22T03:00:00.000Z' };

/** The desk's own record of a hub ticket, in the given local state. */
function localOf(ticket: ReturnType<typeof sampleHubTicket>, state: TicketRecord['state']): TicketRecord {
  return { id: ticket.id, state, registration: ticket.registration, answer: null, transfer: ticket.transfer, callback: null, author: 'op01', trainee: false, review: 'not_required', createdAt: ticket.createdAt, updatedAt: ticket.updatedAt };
}

describe('handover note after sign-in', () => {
  it('shows the previous operator’s note to the next one until that operator dismisses it', () => {
    expect(handoverToShow(note, session('op02'), null)).toEqual(note);
    expect(handoverToShow(note, session('op02'), handoverKey(note, 'op02'))).toBeNull();
    // Dismissed by op02, still shown to op03 who signs in next.
    expect(handoverToShow(note, session('op03'), handoverKey(note, 'op02'))).toEqual(note);
    // A newer note from the same operator is shown again.
    expect(handoverToShow({ ...note, at: '2026-11-23T08:00:00.000Z' }, session('op02'), handoverKey(note, 'op02'))).not.toBeNull();
  });

  it('never shows an operator their own note, an empty one, or one when nobody is signed in', () => {
    expect(handoverToShow(note, session('op01'), null)).toBeNull();
    expect(handoverToShow({ ...note, text: '  ' }, session('op02'), null)).toBeNull();
    expect(handoverToShow(note, null, null)).toBeNull();
    expect(handoverToShow(null, session('op02'), null)).toBeNull();
  });
});

describe('department replies list', () => {
  const replied = sampleHubTicket({ state: 'replied', reply, version: 7 });
  const returned = sampleHubTicket({ state: 'returned', returnReason: '不属于本部门职责', version: 9 });
  const reviewReturned = sampleHubTicket({ state: 'registered', review: 'rejected', reviewComment: '地址不全', trainee: true, version: 3, transfer: null });
  const accepted = sampleHubTicket({ state: 'accepted', version: 8 });

  it('asks for a callback on a reply until the desk has recorded one', () => {
    expect(replyStatus(replied, undefined)).toBe('awaits_callback');
    expect(replyStatus(replied, localOf(replied, 'transferred'))).toBe('awaits_callback');
    expect(replyStatus(replied, localOf(replied, 'called_back'))).toBe('callback_recorded');
    expect(replyStatus(returned, undefined)).toBe('returned');
    expect(replyStatus(reviewReturned, undefined)).toBe('review_returned');
    expect(replyStatus(accepted, undefined)).toBe('other');
  });

  it('lists the newest change first; “to do” keeps what needs the operator', () => {
    const all = [replied, returned, reviewReturned, accepted];
    expect(replyRows(all, [], 'all').map((r) => r.ticket.version)).toEqual([9, 8, 7, 3]);
    expect(replyRows(all, [], 'pending').map((r) => r.status)).toEqual(['awaits_callback', 'returned', 'review_returned']);
    expect(replyRows(all, [localOf(replied, 'called_back')], 'pending').map((r) => r.status)).toEqual(['returned', 'review_returned']);
  });

  it('counts the replies waiting for a callback', () => {
    const other = sampleHubTicket({ state: 'replied', reply, version: 10 });
    const now = Date.parse('2026-11-22T04:00:00.000Z');
    expect(awaitingCallbackCount([replied, other, returned], [], now)).toBe(2);
    expect(awaitingCallbackCount([replied, other, returned], [localOf(other, 'called_back')], now)).toBe(1);
  });
});

describe('回访 list: callbacks due, with the tries after 无法联系', () => {
  const at = (iso: string) => ({ at: iso, note: '' });
  /** Replied at 03:00, 05:00 and 07:00 on 22 November. */
  const first = sampleHubTicket({ state: 'replied', reply: { ...reply, at: '2026-11-22T03:00:00.000Z' }, version: 5 }, { id: '019372a0-0000-7000-8000-000000000001' });
  const second = sampleHubTicket({ state: 'replied', reply: { ...reply, at: '2026-11-22T05:00:00.000Z' }, version: 6 }, { id: '019372a0-0000-7000-8000-000000000002' });
  const third = sampleHubTicket({ state: 'replied', reply: { ...reply, at: '2026-11-22T07:00:00.000Z' }, version: 4 }, { id: '019372a0-0000-7000-8000-000000000003' });
  const returned = sampleHubTicket({ state: 'returned', returnReason: '不属于本部门职责', version: 9 }, { id: '019372a0-0000-7000-8000-000000000004' });
  const tried = (ticket: typeof first, tries: string[]): TicketRecord => ({ ...localOf(ticket, 'replied'), callbackAttempts: tries.map(at) });

  it('sorts callbacks by when they fall due: a try after 无法联系 goes back by a day, the last try leaves the list', () => {
    const tickets = [first, second, third, returned];
    expect(replyRows(tickets, [], 'pending').map((r) => [r.ticket.id.slice(-1), r.status, r.dueAt])).toEqual([
      ['1', 'awaits_callback', '2026-11-22T03:00:00.000Z'],
      ['2', 'awaits_callback', '2026-11-22T05:00:00.000Z'],
      ['3', 'awaits_callback', '2026-11-22T07:00:00.000Z'],
      ['4', 'returned', null],
    ]);
    // The first caller could not be reached at 08:00: the next try is due a day later, after the others.
    const once = [tried(first, ['2026-11-22T08:00:00.000Z'])];
    const rows = replyRows(tickets, once, 'pending');
    expect(rows.map((r) => [r.ticket.id.slice(-1), r.status, r.dueAt, r.tries])).toEqual([
      ['2', 'awaits_callback', '2026-11-22T05:00:00.000Z', 0],
      ['3', 'awaits_callback', '2026-11-22T07:00:00.000Z', 0],
      ['1', 'callback_retry', '2026-11-23T08:00:00.000Z', 1],
      ['4', 'returned', null, 0],
    ]);
    // The count on the tab: due now, not later.
    expect(awaitingCallbackCount(tickets, once, Date.parse('2026-11-22T09:00:00.000Z'))).toBe(2);
    expect(awaitingCallbackCount(tickets, once, Date.parse('2026-11-23T08:00:00.000Z'))).toBe(3);
    expect(rows[2] && isDue(rows[2], Date.parse('2026-11-23T07:59:59.000Z'))).toBe(false);
    // A reply is due the moment it arrives, whatever the clock says.
    expect(rows[0] && isDue(rows[0], Date.parse('2026-11-01T00:00:00.000Z'))).toBe(true);
    // Three tries spent: 无法联系 for good, off the 回访 list (still under 全部).
    const spent = [tried(first, ['2026-11-22T08:00:00.000Z', '2026-11-23T08:00:00.000Z', '2026-11-24T08:00:00.000Z'])];
    expect(replyRows(tickets, spent, 'pending').map((r) => r.ticket.id.slice(-1))).toEqual(['2', '3', '4']);
    expect(replyRows(tickets, spent, 'all').find((r) => r.ticket.id === first.id)?.status).toBe('unreachable');
    expect(replyStatus(first, spent[0])).toBe('unreachable');
  });
});
