import { describe, expect, it } from 'vitest';
import { summariseHistory } from './caller-history';
import type { TicketRecord } from './ticket-record';

const ticket = (createdAt: string, category: [string, string]): TicketRecord =>
  ({ createdAt, registration: { category } }) as unknown as TicketRecord;

describe('repeat caller rule', () => {
  const now = new Date('2026-11-22T08:00:00Z');
  it('counts tickets in the last 30 days, and calls it repeat only for the same matter', () => {
    const history = [ticket('2026-11-20T08:00:00Z', ['城市管理', '占道经营']), ticket('2026-10-01T08:00:00Z', ['城市管理', '占道经营']), ticket('2026-11-01T08:00:00Z', ['供水', '停水'])];
    expect(summariseHistory(history, now, ['城市管理', '占道经营'])).toEqual({ recentCount: 2, repeatCaller: true });
    expect(summariseHistory(history, now, ['噪声', '施工'])).toEqual({ recentCount: 2, repeatCaller: false });
    expect(summariseHistory(history, now, null)).toEqual({ recentCount: 2, repeatCaller: false });
  });
  it('forgets a matter after 30 days', () => {
    expect(summariseHistory([ticket('2026-10-22T07:59:00Z', ['供水', '停水'])], now, ['供水', '停水'])).toEqual({ recentCount: 0, repeatCaller: false });
  });
});
