import { describe, expect, it } from 'vitest';
import type { Seat } from '../hub/presence';
import { defaultAlarmThresholds } from './alarms';
import { toBoardSeat } from './seat-view';
import { boardTotals, sameTotals } from './totals';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

function seat(deskId: string, patch: Partial<Seat> = {}): Seat {
  return {
    deskId,
    operator: deskId,
    displayName: deskId,
    team: null,
    state: 'ready',
    since: iso(T0),
    callStartedAt: null,
    reason: null,
    helpRequested: false,
    reportedAt: iso(T0),
    ...patch,
  };
}

describe('board totals', () => {
  const seats = [
    seat('A-1', { state: 'on_call', callStartedAt: iso(T0 - 12 * MIN) }),
    seat('A-2', { state: 'on_call', callStartedAt: iso(T0 - 3 * MIN), helpRequested: true }),
    seat('A-3', { state: 'after_call_work', since: iso(T0 - 30_000) }),
    seat('A-4', { state: 'ready', since: iso(T0 - 7 * MIN) }),
    seat('A-5', { state: 'ready', since: iso(T0 - MIN) }),
    seat('A-6', { state: 'break', since: iso(T0 - 20 * MIN), reason: '小休' }),
    seat('A-7', { state: 'signed_out', helpRequested: true }),
    seat('A-8', { state: 'training' }),
  ].map((s) => toBoardSeat(s));

  it('counts seats by state, signed in, on call, available and occupancy', () => {
    const totals = boardTotals(seats, T0, defaultAlarmThresholds);
    expect(totals.seats).toBe(8);
    expect(totals.byState).toEqual({ signed_out: 1, ready: 2, on_call: 2, after_call_work: 1, break: 1, training: 1 });
    expect(totals.signedIn).toBe(7);
    expect(totals.onCall).toBe(2);
    expect(totals.available).toBe(2);
    expect(totals.occupancy).toBeCloseTo(3 / 7);
  });

  it('counts alarms by kind and alarmed seats once each', () => {
    const totals = boardTotals(seats, T0, defaultAlarmThresholds);
    expect(totals.alarms).toEqual({ help: 1, long_call: 1, acw_overrun: 0, break_overrun: 1 });
    expect(totals.alarmedSeats).toBe(3);
  });

  it('finds the longest call and the longest wait for a call', () => {
    const totals = boardTotals(seats, T0, defaultAlarmThresholds);
    expect(totals.longestCall).toEqual({ deskId: 'A-1', seconds: 12 * 60 });
    expect(totals.longestWait).toEqual({ deskId: 'A-4', seconds: 7 * 60 });
  });

  it('gives empty totals for an empty board', () => {
    const totals = boardTotals([], T0);
    expect(totals).toMatchObject({ seats: 0, signedIn: 0, occupancy: null, alarmedSeats: 0, longestCall: null, longestWait: null });
  });

  it('uses alarms passed in instead of recomputing them', () => {
    const totals = boardTotals(seats, T0, defaultAlarmThresholds, (s) => (s.deskId === 'A-5' ? ['help'] : []));
    expect(totals.alarmedSeats).toBe(1);
    expect(totals.alarms.help).toBe(1);
  });

  it('tells equal figures from changed ones', () => {
    const a = boardTotals(seats, T0);
    expect(sameTotals(a, boardTotals(seats, T0))).toBe(true);
    expect(sameTotals(a, boardTotals(seats, T0 + 1_000))).toBe(false);
    expect(sameTotals(a, boardTotals(seats.slice(1), T0))).toBe(false);
  });
});
