import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveMessage, Seat } from '../../../../shared/hub/presence';
import { seatSchema } from '../../../../shared/hub/presence';
import { seatAlarms } from '../../../../shared/board/alarms';
import { toBoardSeat } from '../../../../shared/board/seat-view';
import { simulatedSeatSource } from './simulated-source';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');

describe('simulated seat source', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function collect(count: number, intervalMs: number, seed = 7): { messages: LiveMessage[]; stop: () => void } {
    const messages: LiveMessage[] = [];
    const stop = simulatedSeatSource(count, intervalMs, { seed }).subscribe((m) => messages.push(m));
    return { messages, stop };
  }

  it('sends a snapshot of valid seats first, the same for the same seed', () => {
    const a = collect(1_400, 10_000);
    const b = collect(1_400, 10_000);
    a.stop();
    b.stop();
    const first = a.messages[0];
    expect(first?.type).toBe('snapshot');
    if (first?.type !== 'snapshot') return;
    expect(first.seats).toHaveLength(1_400);
    for (const seat of first.seats) expect(seatSchema.safeParse(seat).success).toBe(true);
    expect(new Set(first.seats.map((s) => s.deskId)).size).toBe(1_400);
    expect(b.messages[0]).toEqual(first);
    expect(collect(10, 1_000, 8).messages[0]).not.toEqual(collect(10, 1_000, 7).messages[0]);
  });

  it('has every seat report once per interval, each report a change of state but for the held calls', () => {
    const { messages, stop } = collect(200, 10_000);
    vi.advanceTimersByTime(10_000);
    stop();
    const updates = messages.filter((m): m is Extract<LiveMessage, { type: 'seat' }> => m.type === 'seat').map((m) => m.seat);
    expect(updates.length).toBeGreaterThanOrEqual(195);
    expect(updates.length).toBeLessThanOrEqual(200);
    const snapshot = (messages[0] as Extract<LiveMessage, { type: 'snapshot' }>).seats;
    const byDesk = new Map(snapshot.map((s) => [s.deskId, s]));
    const unchanged = updates.filter((u: Seat) => byDesk.get(u.deskId)?.state === u.state);
    for (const seat of unchanged) expect(seat.state).toBe('on_call');
    expect(unchanged.length).toBeLessThanOrEqual(5);
  });

  it('scripts seat 1 to pass the long-call limit a few seconds after the start', () => {
    const { messages, stop } = collect(60, 2_000);
    const first = messages[0];
    if (first?.type !== 'snapshot') throw new Error('no snapshot');
    const seat1 = toBoardSeat(first.seats[0]!);
    expect(seat1.deskId).toBe('S0001');
    expect(seatAlarms(seat1, T0 + 11_000)).toEqual([]);
    expect(seatAlarms(seat1, T0 + 13_000)).toEqual(['long_call']);
    vi.advanceTimersByTime(20_000);
    stop();
    const reports = messages.filter((m) => m.type === 'seat' && m.seat.deskId === 'S0001');
    expect(reports.length).toBeGreaterThan(0);
    for (const m of reports) if (m.type === 'seat') expect(m.seat.callStartedAt).toBe(first.seats[0]!.callStartedAt);
  });

  it('stops its timer when the last listener leaves', () => {
    const { messages, stop } = collect(50, 1_000);
    stop();
    const n = messages.length;
    vi.advanceTimersByTime(5_000);
    expect(messages.length).toBe(n);
    expect(vi.getTimerCount()).toBe(0);
  });
});
