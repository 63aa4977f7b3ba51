import type { AgentState } from '../phone/agent-state';
import type { AlarmKind } from './alarms';
import type { BoardSeat } from './seat-view';

/** One team's seats, in the order the board lays them out. `team` is null for seats without a team. */
export interface TeamGroup {
  team: string | null;
  deskIds: readonly string[];
}

/** Team names and desk ids sort as people read them: 第2组 before 第10组, A-009 before A-010. */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/**
 * Seats grouped by team: teams in natural order with the seats without a
 * team last, seats by desk id within a team. The order depends only on team
 * and desk id, never on state, so tiles stay put while states change.
 */
export function groupByTeam(seats: Iterable<BoardSeat>, include: (seat: BoardSeat) => boolean = () => true): TeamGroup[] {
  const byTeam = new Map<string | null, string[]>();
  for (const seat of seats) {
    if (!include(seat)) continue;
    const team = seat.team?.trim() || null;
    let ids = byTeam.get(team);
    if (!ids) byTeam.set(team, (ids = []));
    ids.push(seat.deskId);
  }
  const teams = [...byTeam.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b)));
  return teams.map((team) => ({ team, deskIds: (byTeam.get(team) ?? []).sort(collator.compare) }));
}

/** Whether two groupings lay out the same tiles (so a board can keep its layout object). */
export function sameGroups(a: readonly TeamGroup[], b: readonly TeamGroup[]): boolean {
  return (
    a.length === b.length &&
    a.every((group, i) => {
      const other = b[i];
      return other !== undefined && group.team === other.team && group.deskIds.length === other.deskIds.length && group.deskIds.every((id, j) => id === other.deskIds[j]);
    })
  );
}

/** What the supervisor narrowed the board to. */
export interface SeatFilter {
  /** Only seats with an alarm. */
  alarmOnly: boolean;
  /** Only seats in this state. */
  state: AgentState | null;
  /** Part of the operator's name, account, desk id or team; case-insensitive. */
  query: string;
}

export const noFilter: SeatFilter = { alarmOnly: false, state: null, query: '' };

export function isFiltering(filter: SeatFilter): boolean {
  return filter.alarmOnly || filter.state !== null || filter.query.trim() !== '';
}

export function matchesFilter(seat: BoardSeat, alarms: readonly AlarmKind[], filter: SeatFilter): boolean {
  if (filter.alarmOnly && alarms.length === 0) return false;
  if (filter.state !== null && seat.state !== filter.state) return false;
  const query = filter.query.trim().toLowerCase();
  if (query === '') return true;
  return [seat.displayName, seat.operator, seat.deskId, seat.team ?? ''].some((text) => text.toLowerCase().includes(query));
}

/**
 * The next (or previous) desk id after `current` in `order` that `wanted`
 * accepts, wrapping around; the first (or last) one when `current` is null or
 * gone. Null when none qualifies.
 */
export function nextDesk(order: readonly string[], current: string | null, wanted: (deskId: string) => boolean, direction: 1 | -1 = 1): string | null {
  const n = order.length;
  if (n === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  const start = at === -1 ? (direction === 1 ? -1 : n) : at;
  for (let step = 1; step <= n; step++) {
    const id = order[(((start + direction * step) % n) + n) % n];
    if (id !== undefined && wanted(id)) return id;
  }
  return null;
}
