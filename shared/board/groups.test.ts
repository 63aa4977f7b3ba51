import { describe, expect, it } from 'vitest';
import type { Seat } from '../hub/presence';
import { groupByTeam, isFiltering, matchesFilter, nextDesk, noFilter, sameGroups } from './groups';
import { toBoardSeat } from './seat-view';

const at = '2026-03-02T01:00:00.000Z';

function seat(deskId: string, team: string | null, patch: Partial<Seat> = {}): Seat {
  return {
    deskId,
    operator: `op-${deskId}`,
    displayName: `话务员${deskId}`,
    team,
    state: 'ready',
    since: at,
    callStartedAt: null,
    reason: null,
    helpRequested: false,
    reportedAt: at,
    ...patch,
  };
}

describe('grouping by team', () => {
  const seats = [seat('A-010', '第10组'), seat('A-002', '第2组'), seat('X-1', null), seat('A-009', '第10组'), seat('A-001', '第2组', { state: 'on_call' }), seat('X-2', '  ')].map(
    (s) => toBoardSeat(s),
  );

  it('orders teams and desks naturally, seats without a team last', () => {
    expect(groupByTeam(seats)).toEqual([
      { team: '第2组', deskIds: ['A-001', 'A-002'] },
      { team: '第10组', deskIds: ['A-009', 'A-010'] },
      { team: null, deskIds: ['X-1', 'X-2'] },
    ]);
  });

  it('keeps only the seats asked for, dropping empty teams', () => {
    expect(groupByTeam(seats, (s) => s.state === 'on_call')).toEqual([{ team: '第2组', deskIds: ['A-001'] }]);
  });

  it('compares layouts by content', () => {
    expect(sameGroups(groupByTeam(seats), groupByTeam([...seats].reverse()))).toBe(true);
    expect(sameGroups(groupByTeam(seats), groupByTeam(seats.slice(1)))).toBe(false);
  });
});

describe('filters', () => {
  const s = toBoardSeat(seat('B-007', '第3组', { displayName: '李娜', operator: 'lina', state: 'break' }));

  it('matches by alarm, state and text', () => {
    expect(matchesFilter(s, [], noFilter)).toBe(true);
    expect(matchesFilter(s, [], { ...noFilter, alarmOnly: true })).toBe(false);
    expect(matchesFilter(s, ['break_overrun'], { ...noFilter, alarmOnly: true })).toBe(true);
    expect(matchesFilter(s, [], { ...noFilter, state: 'on_call' })).toBe(false);
    expect(matchesFilter(s, [], { ...noFilter, state: 'break' })).toBe(true);
    for (const query of ['李', 'LINA', 'b-007', '第3组']) expect(matchesFilter(s, [], { ...noFilter, query })).toBe(true);
    expect(matchesFilter(s, [], { ...noFilter, query: '王' })).toBe(false);
    expect(isFiltering(noFilter)).toBe(false);
    expect(isFiltering({ ...noFilter, query: ' ' })).toBe(false);
    expect(isFiltering({ ...noFilter, alarmOnly: true })).toBe(true);
  });
});

describe('jumping between seats', () => {
  const order = ['a', 'b', 'c', 'd'];
  const alarmed = new Set(['b', 'd']);
  const wanted = (id: string): boolean => alarmed.has(id);

  it('goes forward and back with wrap-around', () => {
    expect(nextDesk(order, null, wanted)).toBe('b');
    expect(nextDesk(order, 'b', wanted)).toBe('d');
    expect(nextDesk(order, 'd', wanted)).toBe('b');
    expect(nextDesk(order, null, wanted, -1)).toBe('d');
    expect(nextDesk(order, 'b', wanted, -1)).toBe('d');
    expect(nextDesk(order, 'c', wanted, -1)).toBe('b');
  });

  it('starts over when the current seat is gone, and says when nothing qualifies', () => {
    expect(nextDesk(order, 'zz', wanted)).toBe('b');
    expect(nextDesk(order, 'b', () => false)).toBeNull();
    expect(nextDesk([], null, wanted)).toBeNull();
    expect(nextDesk(order, 'b', (id) => id === 'b')).toBe('b');
  });
});
