import { describe, expect, it } from 'vitest';
import type { Seat } from '../hub/presence';
import { alarmThresholdsSchema, breakLimitMinutes, defaultAlarmThresholds, sameAlarms, seatAlarms, timedAlarmAt } from './alarms';
import { toBoardSeat } from './seat-view';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

function seat(patch: Partial<Seat> = {}): Seat {
  return {
    deskId: 'A-001',
    operator: 'op001',
    displayName: '张伟',
    team: '第1组',
    state: 'ready',
    since: iso(T0),
    callStartedAt: null,
    reason: null,
    helpRequested: false,
    reportedAt: iso(T0),
    ...patch,
  };
}

describe('seat alarms', () => {
  const t = defaultAlarmThresholds; // long call 10 min, ACW 2 min, break 15 min (用餐 30, 会议 60)

  it('raises nothing for a ready, training or signed-out seat however long it stays', () => {
    for (const state of ['ready', 'training', 'signed_out'] as const) {
      expect(seatAlarms(toBoardSeat(seat({ state })), T0 + 5 * 60 * MIN, t)).toEqual([]);
    }
  });

  it('raises long_call only once the call is strictly longer than the limit', () => {
    const onCall = toBoardSeat(seat({ state: 'on_call', since: iso(T0), callStartedAt: iso(T0) }));
    expect(seatAlarms(onCall, T0 + 10 * MIN, t)).toEqual([]);
    expect(seatAlarms(onCall, T0 + 10 * MIN + 1, t)).toEqual(['long_call']);
    expect(timedAlarmAt(onCall, t)).toEqual({ kind: 'long_call', at: T0 + 10 * MIN });
  });

  it('measures the call from callStartedAt, falling back to the state change', () => {
    const started = toBoardSeat(seat({ state: 'on_call', since: iso(T0 + 5 * MIN), callStartedAt: iso(T0) }));
    expect(seatAlarms(started, T0 + 11 * MIN, t)).toEqual(['long_call']);
    const noStart = toBoardSeat(seat({ state: 'on_call', since: iso(T0 + 5 * MIN) }));
    expect(seatAlarms(noStart, T0 + 11 * MIN, t)).toEqual([]);
    expect(seatAlarms(noStart, T0 + 16 * MIN, t)).toEqual(['long_call']);
  });

  it('raises acw_overrun and break_overrun with per-reason break limits', () => {
    const acw = toBoardSeat(seat({ state: 'after_call_work', since: iso(T0) }));
    expect(seatAlarms(acw, T0 + 2 * MIN, t)).toEqual([]);
    expect(seatAlarms(acw, T0 + 2 * MIN + 1_000, t)).toEqual(['acw_overrun']);

    const rest = toBoardSeat(seat({ state: 'break', since: iso(T0), reason: '小休' }));
    expect(seatAlarms(rest, T0 + 16 * MIN, t)).toEqual(['break_overrun']);
    const meal = toBoardSeat(seat({ state: 'break', since: iso(T0), reason: ' 用餐 ' }));
    expect(breakLimitMinutes(meal.reason, t)).toBe(30);
    expect(seatAlarms(meal, T0 + 16 * MIN, t)).toEqual([]);
    expect(seatAlarms(meal, T0 + 31 * MIN, t)).toEqual(['break_overrun']);
  });

  it('puts a help request first, beside a timed alarm, and drops it when signed out or switched off', () => {
    const help = toBoardSeat(seat({ state: 'on_call', callStartedAt: iso(T0), helpRequested: true }));
    expect(seatAlarms(help, T0 + MIN, t)).toEqual(['help']);
    expect(seatAlarms(help, T0 + 12 * MIN, t)).toEqual(['help', 'long_call']);
    expect(seatAlarms(help, T0 + MIN, { ...t, helpRequested: false })).toEqual([]);
    expect(seatAlarms(toBoardSeat(seat({ state: 'signed_out', helpRequested: true })), T0, t)).toEqual([]);
  });

  it('follows configured thresholds, validated by the schema', () => {
    const strict = alarmThresholdsSchema.parse({ longCallMinutes: 3 });
    expect(strict.afterCallWorkMinutes).toBe(2);
    const onCall = toBoardSeat(seat({ state: 'on_call', callStartedAt: iso(T0) }));
    expect(seatAlarms(onCall, T0 + 4 * MIN, strict)).toEqual(['long_call']);
    expect(alarmThresholdsSchema.safeParse({ longCallMinutes: 0 }).success).toBe(false);
    expect(alarmThresholdsSchema.safeParse({ breakMinutesByReason: { 用餐: -1 } }).success).toBe(false);
  });

  it('ignores a seat whose instants cannot be read rather than alarming on garbage', () => {
    const broken = toBoardSeat(seat({ state: 'break', since: 'yesterday' }));
    expect(seatAlarms(broken, T0 + 600 * MIN, t)).toEqual([]);
  });

  it('returns one shared empty list, and compares lists by content', () => {
    expect(seatAlarms(toBoardSeat(seat()), T0, t)).toBe(seatAlarms(toBoardSeat(seat({ deskId: 'B' })), T0, t));
    expect(sameAlarms(['help', 'long_call'], ['help', 'long_call'])).toBe(true);
    expect(sameAlarms(['help'], ['long_call'])).toBe(false);
  });
});
