import { describe, expect, it } from 'vitest';
import { sampleHubTicket } from '../../test/support/sample-hub-ticket';
import { sampleRegistration } from '../../test/support/sample-ticket';
import { ringHistory } from './ring-history';
import type { TicketRecord } from './ticket-record';

const now = new Date('2026-11-30T12:00:00.000Z');
const daysAgo = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

function localTicket(overrides: Partial<TicketRecord> = {}, registration: Parameters<typeof sampleRegistration>[0] = {}): TicketRecord {
  const reg = sampleRegistration(registration);
  return { id: reg.id, state: 'registered', registration: reg, answer: null, transfer: null, callback: null, author: 'op01', trainee: false, review: 'not_required', createdAt: daysAgo(0), updatedAt: daysAgo(0), ...overrides };
}

describe('the caller’s history on the ring', () => {
  it('lists open tickets first, each group newest first', () => {
    const closedNew = sampleHubTicket({ number: '20261129-000001', state: 'closed', createdAt: daysAgo(1) });
    const transferredOld = sampleHubTicket({ number: '20261101-000001', state: 'transferred', createdAt: daysAgo(29) });
    const repliedMid = sampleHubTicket({ number: '20261120-000001', state: 'replied', createdAt: daysAgo(10), reply: { text: '已清理', solved: true, department: 'city-urban', at: daysAgo(9) } });
    const answeredOld = sampleHubTicket({ number: '20260601-000001', state: 'answered', transfer: null, createdAt: daysAgo(180) });
    const { rows } = ringHistory([], [[closedNew, transferredOld, repliedMid, answeredOld]], now);
    expect(rows.map((r) => [r.number, r.state, r.open])).toEqual([
      ['20261120-000001', 'replied', true],
      ['20261101-000001', 'transferred', true],
      ['20261129-000001', 'closed', false],
      ['20260601-000001', 'answered', false],
    ]);
    expect(rows[0]).toMatchObject({ replyWaiting: true, department: 'city-urban', reply: { department: 'city-urban', solved: true, text: '已清理' } });
    expect(rows[1]).toMatchObject({ replyWaiting: false, department: 'city-urban' });
    expect(rows[3]?.department).toBeNull();
  });

  it('keeps the newest copy of a ticket the hub and the desk both hold, and the desk’s own unmasked text', () => {
    const mine = localTicket({ state: 'transferred', createdAt: daysAgo(2) }, { callerNumber: '13812345678', confidential: true });
    const stale = sampleHubTicket({ id: mine.id, number: '20261128-000007', state: 'transferred', version: 3, createdAt: daysAgo(2), contactMasked: true }, { ...mine.registration, description: '***' });
    const fresh = { ...stale, state: 'returned' as const, returnReason: '不属于本单位职责', version: 9 };
    for (const order of [
      [[stale], [fresh]],
      [[fresh], [stale]],
    ]) {
      const { rows } = ringHistory([mine], order, now);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ number: '20261128-000007', state: 'returned', returnReason: '不属于本单位职责', local: true, contactMasked: false, confidential: true, open: true });
      expect(rows[0]?.summary).toBe(mine.registration.description);
    }
    const queued = localTicket({ createdAt: daysAgo(0) });
    expect(ringHistory([queued], [], now).rows[0]).toMatchObject({ number: null, state: 'registered', local: true, open: true });
  });

  it('counts the same matter within 30 days per row, flags a repeat caller and an unreasonable request before', () => {
    const noise = ['生态环境', '噪声污染'] as [string, string];
    const a = sampleHubTicket({ number: '20261125-000001', state: 'closed', createdAt: daysAgo(5) }, { category: noise });
    const b = sampleHubTicket({ number: '20261115-000001', state: 'closed', createdAt: daysAgo(15) }, { category: noise, unreasonableReason: '重复无理诉求或恶意诉求' });
    const old = sampleHubTicket({ number: '20261001-000001', state: 'closed', createdAt: daysAgo(60) }, { category: noise });
    const other = sampleHubTicket({ number: '20261128-000001', state: 'closed', createdAt: daysAgo(2) });
    const answer = ringHistory([], [[a, b, old, other]], now);
    expect(answer.recentCount).toBe(3);
    expect(answer.repeatCaller).toBe(true);
    expect(answer.rows.map((r) => [r.number, r.sameMatter30d, r.unreasonable])).toEqual([
      ['20261128-000001', 1, false],
      ['20261125-000001', 2, false],
      ['20261115-000001', 2, true],
      ['20261001-000001', 0, false],
    ]);
    expect(ringHistory([], [[a, old, other]], now).repeatCaller).toBe(false);
  });
});
