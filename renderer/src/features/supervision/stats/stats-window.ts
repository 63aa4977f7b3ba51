import type { ShiftRotation } from '../../../../../shared/shifts';
import { currentShift } from '../../../../../shared/shift-clock';

/** The windows a supervisor picks from: the shift on duty, the calendar day, the last seven days. */
export const statsWindowKinds = ['shift', 'today', 'week'] as const;
export type StatsWindowKind = (typeof statsWindowKinds)[number];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The window's start and end as ISO instants, ending now. `shift` starts when
 * the current slot of the rotation began, `today` at the desk's local
 * midnight, `week` seven days ago to the minute.
 */
export function statsWindow(kind: StatsWindowKind, now: number, rotation: ShiftRotation): { from: string; to: string } {
  const from = windowStart(kind, now, rotation);
  // At the very instant a shift or a day begins the window would be empty, which the hub refuses: a minute then.
  return { from: new Date(from).toISOString(), to: new Date(Math.max(now, from + MINUTE)).toISOString() };
}

function windowStart(kind: StatsWindowKind, now: number, rotation: ShiftRotation): number {
  switch (kind) {
    case 'shift':
      return currentShift(rotation, now, -new Date(now).getTimezoneOffset()).startsAt;
    case 'today': {
      const midnight = new Date(now);
      midnight.setHours(0, 0, 0, 0);
      return midnight.getTime();
    }
    case 'week':
      return now - 7 * DAY;
  }
}
