import { describe, expect, it } from 'vitest';
import type { DeskSession, HandoverNote } from '../../../shared/hub/desk-session';
import type { TicketRecord } from '../../../shared/tickets/ticket-record';
import { sampleHubTicket } from '../../../test/support/sample-hub-ticket';
import { awaitingCallbackCount, handoverKey, handoverToShow, replyRows, replyStatus } from './hub-view';

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
    expect(replyRows(all, [], 'pending').map((r) => r.status)).toEqual(['returned', 'awaits_callback', 'review_returned']);
    expect(replyRows(all, [localOf(replied, 'called_back')], 'pending').map((r) => r.status)).toEqual(['returned', 'review_returned']);
  });

  it('counts the replies waiting for a callback', () => {
    const other = sampleHubTicket({ state: 'replied', reply, version: 10 });
    expect(awaitingCallbackCount([replied, other, returned], [])).toBe(2);
    expect(awaitingCallbackCount([replied, other, returned], [localOf(other, 'called_back')])).toBe(1);
  });
});
