import type { PlacementQuery } from '../../../../../shared/hub/placement';

/** The ranges a supervisor picks from (keys 1 2 3 in the tab). */
export const placementRangeKinds = ['last30', 'thisMonth', 'lastMonth'] as const;
export type PlacementRangeKind = (typeof placementRangeKinds)[number];

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The days asked of the hub for a range, given today's date (`YYYY-MM-DD`).
 * The last 30 days are left to the hub, whose calendar is the centre's (the
 * desk's clock may sit in another time zone); a month is the whole calendar
 * month, so this month's days still to come show as empty.
 */
export function placementRange(kind: PlacementRangeKind, today: string): PlacementQuery {
  if (kind === 'last30') return {};
  const [year = 1970, month = 1] = today.split('-').map(Number);
  const [y, m] = kind === 'thisMonth' ? [year, month] : month === 1 ? [year - 1, 12] : [year, month - 1];
  return { from: `${String(y)}-${pad(m)}-01`, to: `${String(y)}-${pad(m)}-${pad(lastDayOf(y, m))}` };
}
