import { describe, expect, it } from 'vitest';
import type { TicketRecord } from '../../../../shared/tickets/ticket-record';
import { sampleHubTicket } from '../../../../test/support/sample-hub-ticket';
import { sampleRegistration } from '../../../../test/support/sample-ticket';
import { mergeCallerHistory, summariseCallerHistory } from './history-merge';

function localTicket(createdAt: string, overrides: Partial<TicketRecord> = {}, registration: Parameters<typeof sampleRegistration>[0] = {}): TicketRecord {
  return {
    id: sampleRegistration().id,
    state: 'transferred',
    registration: sampleRegistration(registration),
    answer: null,
    transfer: null,
    callback: null,
    author: 'op01',
    trainee: false,
    review: 'not_required',
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

const now = new Date('2026-11-22T12:00:00.000Z');

describe('caller history from this desk and the hub', () => {
  it('lists a ticket both know once, with the hub’s number, state and reply and this desk’s registration', () => {
    const mine = localTicket('2026-11-20T08:00:00.000Z', { state: 'transferred' }, { description: '本机登记：路灯不亮。' });
    const atHub = sampleHubTicket(
      { id: mine.id, number: '20261120-000007', state: 'replied', reply: { text: '已修复。', solved: true, department: 'city-urban', at: '2026-11-21T08:00:00.000Z' }, contactMasked: true, createdAt: mine.createdAt },
      { id: mine.id, callerNumber: '138****0000', description: '本机登记：路灯不亮。' },
    );
    const rows = mergeCallerHistory([mine], [atHub]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: mine.id, number: '20261120-000007', state: 'replied', local: true, fromHub: true, contactMasked: false, callerNumber: '13800000000' });
    expect(rows[0]?.reply).toMatchObject({ text: '已修复。', department: 'city-urban' });
  });

  it('adds other desks’ tickets, masked as the hub masked them, newest first', () => {
    const mine = localTicket('2026-11-20T08:00:00.000Z');
    const other = sampleHubTicket({ createdAt: '2026-11-21T08:00:00.000Z', contactMasked: true, deskId: 'desk-other' }, { callerNumber: '138****0000', callerName: '*', confidential: true });
    const older = sampleHubTicket({ createdAt: '2026-10-01T08:00:00.000Z', number: '20261001-000001' });
    const rows = mergeCallerHistory([mine], [older, other]);
    expect(rows.map((r) => r.id)).toEqual([other.id, mine.id, older.id]);
    expect(rows[0]).toMatchObject({ local: false, fromHub: true, contactMasked: true, confidential: true, callerNumber: '138****0000' });
    expect(rows[1]).toMatchObject({ local: true, fromHub: false, number: null });
  });

  it('without the hub, lists this desk’s tickets as before', () => {
    const a = localTicket('2026-11-20T08:00:00.000Z');
    const b = localTicket('2026-11-21T08:00:00.000Z', { state: 'answered' });
    expect(mergeCallerHistory([a, b], null).map((r) => [r.id, r.state, r.fromHub])).toEqual([
      [b.id, 'answered', false],
      [a.id, 'transferred', false],
    ]);
  });

  it('counts every desk’s tickets of the last 30 days once, and the hub’s same-matter count when a matter is chosen', () => {
    const mine = localTicket('2026-11-20T08:00:00.000Z');
    const rows = mergeCallerHistory(
      [mine],
      [sampleHubTicket({ id: mine.id, createdAt: mine.createdAt }), sampleHubTicket({ createdAt: '2026-11-21T08:00:00.000Z' }), sampleHubTicket({ createdAt: '2026-09-01T08:00:00.000Z' })],
    );
    const hub = { tickets: [], sameMatterCount: 2, repeatCaller: true };
    expect(summariseCallerHistory({ recentCount: 1, repeatCaller: false }, hub, rows, now, true)).toEqual({ localRecent: 1, hubRecent: 2, sameMatter: 2, repeatCaller: true });
    expect(summariseCallerHistory({ recentCount: 1, repeatCaller: false }, { ...hub, sameMatterCount: 0, repeatCaller: false }, rows, now, false)).toEqual({
      localRecent: 1,
      hubRecent: 2,
      sameMatter: null,
      repeatCaller: false,
    });
    expect(summariseCallerHistory({ recentCount: 1, repeatCaller: true }, null, mergeCallerHistory([mine], null), now, true)).toEqual({ localRecent: 1, hubRecent: null, sameMatter: null, repeatCaller: true });
  });

  it('leaves the ticket of this call out of the count of every desk’s tickets', () => {
    const mine = localTicket('2026-11-20T08:00:00.000Z');
    const rows = mergeCallerHistory([mine], [sampleHubTicket({ id: mine.id, createdAt: mine.createdAt })]);
    const hub = { tickets: [], sameMatterCount: 0, repeatCaller: false };
    expect(summariseCallerHistory({ recentCount: 0, repeatCaller: false }, hub, rows, now, true, mine.id)).toEqual({ localRecent: 0, hubRecent: 0, sameMatter: 0, repeatCaller: false });
    expect(summariseCallerHistory({ recentCount: 0, repeatCaller: false }, hub, rows, now, true)).toMatchObject({ hubRecent: 1 });
  });
});
