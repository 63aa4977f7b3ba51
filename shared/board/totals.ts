import type { AgentState } from '../phone/agent-state';
import { agentStates } from '../phone/agent-state';
import type { AlarmKind, AlarmThresholds } from './alarms';
import { alarmKinds, defaultAlarmThresholds, seatAlarms } from './alarms';
import type { BoardSeat } from './seat-view';
import { callStartMs, elapsedSeconds } from './seat-view';

export interface SeatExtreme {
  deskId: string;
  seconds: number;
}

/** The figures along the top of the board (and of each team). */
export interface BoardTotals {
  seats: number;
  byState: Record<AgentState, number>;
  /** Seats not signed out. */
  signedIn: number;
  onCall: number;
  /** Ready: waiting for the next call. */
  available: number;
  /** Share of signed-in seats on a call or in after-call work, 0–1; null when nobody is signed in. */
  occupancy: number | null;
  /** Seats with at least one alarm. */
  alarmedSeats: number;
  alarms: Record<AlarmKind, number>;
  /** The call running longest. */
  longestCall: SeatExtreme | null;
  /** The ready operator who has waited longest for a call (a sign of too many seats or a routing fault). */
  longestWait: SeatExtreme | null;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/**
 * Totals at `now` in one pass. `alarmsOf` lets a caller that already holds
 * each seat's alarms pass them in; by default they are computed with `thresholds`.
 */
export function boardTotals(
  seats: Iterable<BoardSeat>,
  now: number,
  thresholds: AlarmThresholds = defaultAlarmThresholds,
  alarmsOf: (seat: BoardSeat) => readonly AlarmKind[] = (seat) => seatAlarms(seat, now, thresholds),
): BoardTotals {
  const byState = zeroes(agentStates);
  const alarms = zeroes(alarmKinds);
  let count = 0;
  let alarmedSeats = 0;
  let longestCall: SeatExtreme | null = null;
  let longestWait: SeatExtreme | null = null;
  for (const seat of seats) {
    count++;
    byState[seat.state]++;
    const kinds = alarmsOf(seat);
    if (kinds.length > 0) alarmedSeats++;
    for (const kind of kinds) alarms[kind]++;
    const callStart = callStartMs(seat);
    if (callStart !== null) {
      const seconds = elapsedSeconds(callStart, now);
      if (longestCall === null || seconds > longestCall.seconds) longestCall = { deskId: seat.deskId, seconds };
    } else if (seat.state === 'ready') {
      const seconds = elapsedSeconds(seat.sinceMs, now);
      if (longestWait === null || seconds > longestWait.seconds) longestWait = { deskId: seat.deskId, seconds };
    }
  }
  const signedIn = count - byState.signed_out;
  return {
    seats: count,
    byState,
    signedIn,
    onCall: byState.on_call,
    available: byState.ready,
    occupancy: signedIn === 0 ? null : (byState.on_call + byState.after_call_work) / signedIn,
    alarmedSeats,
    alarms,
    longestCall,
    longestWait,
  };
}

/** Whether two totals show the same figures (a board re-renders its header only when they differ). */
export function sameTotals(a: BoardTotals, b: BoardTotals): boolean {
  return (
    a.seats === b.seats &&
    a.alarmedSeats === b.alarmedSeats &&
    a.occupancy === b.occupancy &&
    agentStates.every((state) => a.byState[state] === b.byState[state]) &&
    alarmKinds.every((kind) => a.alarms[kind] === b.alarms[kind]) &&
    sameExtreme(a.longestCall, b.longestCall) &&
    sameExtreme(a.longestWait, b.longestWait)
  );
}

function sameExtreme(a: SeatExtreme | null, b: SeatExtreme | null): boolean {
  return a === b || (a !== null && b !== null && a.deskId === b.deskId && a.seconds === b.seconds);
}
