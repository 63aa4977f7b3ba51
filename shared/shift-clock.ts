/**
 * Four-shift, two-slot rotation (四班两运转): two 12-hour slots a day (day and
 * night) and four teams cycling day → night → off → off, so each team works
 * one day slot and one night slot in every four days. Centres differ in the
 * hour the day slot starts and in which team was on days on the anchor date,
 * so both are settings.
 *
 * Which team is on duty when, without zod (the workbench's status bar and its
 * phone read it at first paint); the settings' schema is in shifts.ts.
 */

/** Local start of the day slot (`HH:MM`), the teams in rotation order, and a date (`YYYY-MM-DD`) on which `teams[0]` worked the day slot: checked by `shiftRotationSchema` (shifts.ts). */
export interface ShiftRotation {
  dayStart: string;
  teams: string[];
  anchorDate: string;
}

export const defaultShiftRotation: ShiftRotation = {
  dayStart: '08:00',
  teams: ['甲班', '乙班', '丙班', '丁班'],
  anchorDate: '2026-01-01',
};

export type ShiftSlot = 'day' | 'night';

export interface CurrentShift {
  slot: ShiftSlot;
  team: string;
  /** Local wall-clock start and end of the slot, as epoch milliseconds. */
  startsAt: number;
  endsAt: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Which team is on duty at `now` (epoch ms), in the local time given by
 * `utcOffsetMinutes` (China Standard Time is +480, with no daylight saving).
 */
export function currentShift(rotation: ShiftRotation, now: number, utcOffsetMinutes = 480): CurrentShift {
  const [hh, mm] = rotation.dayStart.split(':').map(Number) as [number, number];
  const offset = utcOffsetMinutes * 60_000;
  const [y, m, d] = rotation.anchorDate.split('-').map(Number) as [number, number, number];
  // Start of the anchor day's day slot, in UTC epoch ms.
  const anchorStart = Date.UTC(y, m - 1, d, hh, mm) - offset;
  const slotIndex = Math.floor((now - anchorStart) / (12 * HOUR));
  const startsAt = anchorStart + slotIndex * 12 * HOUR;
  const slot: ShiftSlot = mod(slotIndex, 2) === 0 ? 'day' : 'night';
  const dayIndex = Math.floor((startsAt - anchorStart) / DAY);
  // 白-夜-休-休: a team works the day slot of day n and the night slot of day n+1, then rests two
  // days. So the night slot of day n belongs to the team that had the day slot of day n-1.
  const teamIndex = slot === 'day' ? mod(dayIndex, 4) : mod(dayIndex - 1, 4);
  return { slot, team: rotation.teams[teamIndex] ?? '', startsAt, endsAt: startsAt + 12 * HOUR };
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/**
 * Whether the desk should stop taking new calls: within `minutes` of the end
 * of the slot on duty (so the operator can finish the last call and hand
 * over on time). 0 turns the rule off.
 */
export function shiftClosing(rotation: ShiftRotation, now: number, minutes: number, utcOffsetMinutes = 480): boolean {
  if (minutes <= 0) return false;
  return currentShift(rotation, now, utcOffsetMinutes).endsAt - now <= minutes * 60_000;
}
