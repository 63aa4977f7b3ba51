import { z } from 'zod';
import { breakReasonCode, centreWordOfBreakReason } from '../phone/break-reasons';
import type { BoardSeat } from './seat-view';
import { callStartMs } from './seat-view';

/**
 * What makes a supervisor look at a seat: a call running long (an abusive or
 * stuck caller, a hard case), after-call work that does not end, a break that
 * overruns, and an operator who pressed for help. Ordered by urgency: help
 * first, then the live call, then the overruns.
 */
export const alarmKinds = ['help', 'long_call', 'acw_overrun', 'break_overrun'] as const;
export type AlarmKind = (typeof alarmKinds)[number];

export const alarmThresholdsSchema = z.object({
  /** A call longer than this many minutes raises `long_call`. */
  longCallMinutes: z.number().positive().max(600).default(10),
  /** After-call work longer than this raises `acw_overrun` ("one or two minutes to breathe"). */
  afterCallWorkMinutes: z.number().positive().max(120).default(2),
  /** A break longer than this raises `break_overrun`, unless its reason has its own limit below. */
  breakMinutes: z.number().positive().max(600).default(15),
  /** Limits per break reason (用餐 takes longer than 小休); reasons are matched exactly after trimming. */
  breakMinutesByReason: z.record(z.string(), z.number().positive().max(600)).default({ 用餐: 30, 会议: 60 }),
  /** Whether an operator's help request is an alarm (a centre may route it elsewhere). */
  helpRequested: z.boolean().default(true),
});
export type AlarmThresholds = z.infer<typeof alarmThresholdsSchema>;

export const defaultAlarmThresholds: AlarmThresholds = alarmThresholdsSchema.parse({});

const MINUTE = 60_000;

/** The break limit in force for a reason, in minutes. */
export function breakLimitMinutes(reason: string | null, thresholds: AlarmThresholds): number {
  if (reason === null) return thresholds.breakMinutes;
  // The limits are keyed by the centre's words (用餐); a desk reports a code (meal) or, if older, its text in any language.
  const code = breakReasonCode(reason);
  const keys = [reason.trim(), ...(code ? [code, centreWordOfBreakReason[code]] : [])];
  const own = keys.map((key) => thresholds.breakMinutesByReason[key]).find((minutes) => minutes !== undefined);
  return own ?? thresholds.breakMinutes;
}

/** The instant (epoch ms) the seat's current state turns into a timed alarm, or null when it never does. */
export function timedAlarmAt(seat: BoardSeat, thresholds: AlarmThresholds): { kind: AlarmKind; at: number } | null {
  switch (seat.state) {
    case 'on_call': {
      const start = callStartMs(seat);
      return start === null || !Number.isFinite(start) ? null : { kind: 'long_call', at: start + thresholds.longCallMinutes * MINUTE };
    }
    case 'after_call_work':
      return Number.isFinite(seat.sinceMs) ? { kind: 'acw_overrun', at: seat.sinceMs + thresholds.afterCallWorkMinutes * MINUTE } : null;
    case 'break':
      return Number.isFinite(seat.sinceMs) ? { kind: 'break_overrun', at: seat.sinceMs + breakLimitMinutes(seat.reason, thresholds) * MINUTE } : null;
    case 'signed_out':
    case 'ready':
    case 'training':
      return null;
  }
}

const none: readonly AlarmKind[] = Object.freeze([]);

/**
 * The seat's alarms at `now`, most urgent first. A limit is exceeded strictly
 * after it passes (a call of exactly 10:00 is not yet long). A signed-out
 * seat raises nothing, not even a stale help flag.
 */
export function seatAlarms(seat: BoardSeat, now: number, thresholds: AlarmThresholds = defaultAlarmThresholds): readonly AlarmKind[] {
  if (seat.state === 'signed_out') return none;
  const kinds: AlarmKind[] = [];
  if (thresholds.helpRequested && seat.helpRequested) kinds.push('help');
  const timed = timedAlarmAt(seat, thresholds);
  if (timed !== null && now > timed.at) kinds.push(timed.kind);
  return kinds.length === 0 ? none : kinds;
}

/** Whether two alarm lists say the same (both come from `seatAlarms`, so the order is fixed). */
export function sameAlarms(a: readonly AlarmKind[], b: readonly AlarmKind[]): boolean {
  return a.length === b.length && a.every((kind, i) => kind === b[i]);
}
