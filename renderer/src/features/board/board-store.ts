import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AlarmKind, AlarmThresholds } from '../../../../shared/board/alarms';
import { defaultAlarmThresholds, sameAlarms, seatAlarms } from '../../../../shared/board/alarms';
import type { SeatFilter, TeamGroup } from '../../../../shared/board/groups';
import { groupByTeam, isFiltering, matchesFilter, nextDesk, noFilter, sameGroups } from '../../../../shared/board/groups';
import type { BoardSeat } from '../../../../shared/board/seat-view';
import { toBoardSeat } from '../../../../shared/board/seat-view';
import type { BoardTotals } from '../../../../shared/board/totals';
import { boardTotals, sameTotals } from '../../../../shared/board/totals';
import type { LiveMessage, Seat } from '../../../../shared/hub/presence';
import type { AgentState } from '../../../../shared/phone/agent-state';

export interface TeamStats {
  seats: number;
  onCall: number;
  ready: number;
  alarmed: number;
}

export interface BoardData {
  /** `waiting` until the source's first snapshot arrives. */
  phase: 'waiting' | 'live';
  /** Every seat by desk id. A seat's object changes only when the hub reports that seat. */
  seats: ReadonlyMap<string, BoardSeat>;
  /** Alarms of the alarmed seats only; a seat's list keeps its identity while its alarms stay the same. */
  alarms: ReadonlyMap<string, readonly AlarmKind[]>;
  /** The layout after the filter: teams and their desk ids. Changes only when the tiles shown change. */
  visible: readonly TeamGroup[];
  /** `visible` flattened, for moving between seats. */
  order: readonly string[];
  totals: BoardTotals;
  teamStats: ReadonlyMap<string, TeamStats>;
  now: number;
  thresholds: AlarmThresholds;
  filter: SeatFilter;
  /** The seat the supervisor moved to (keyboard or click). */
  focused: string | null;
  /** Bumped whenever the grid should bring `focused` into view. */
  focusRequest: number;
  /** The seat whose details are open. */
  detailsOf: string | null;
  /** Whether the feed may be missing changes now, and the last gap it had (shown so a supervisor can trust it). */
  feed: FeedHealth;
}

export interface FeedHealth {
  /** When the feed went stale (epoch ms); null while it is whole. */
  staleSince: number | null;
  /** The last gap that ended: from when to when the board went without updates. */
  lastGap: { from: number; to: number } | null;
}

export interface BoardState extends BoardData {
  /** Takes a message from the source; applied at the next flush (one per frame), the latest report per seat winning. */
  receive: (message: LiveMessage) => void;
  /** Applies what arrived since the last flush. */
  flush: (now: number) => void;
  /** The once-a-second beat: time-based alarms, totals and the filtered layout. */
  tick: (now: number) => void;
  setFilter: (patch: Partial<SeatFilter>) => void;
  cycleStateFilter: () => void;
  setThresholds: (thresholds: AlarmThresholds) => void;
  /** Moves to the next (1) or previous (-1) seat that has an alarm; false when none has. */
  focusAlarm: (direction: 1 | -1) => boolean;
  /** Moves to the next or previous seat on the board. */
  focusSeat: (direction: 1 | -1) => boolean;
  focus: (deskId: string | null) => void;
  showDetails: (deskId: string | null) => void;
  reset: () => void;
}

export type BoardStore = StoreApi<BoardState>;

const TEAMLESS = '';
const stateCycle: readonly (AgentState | null)[] = [null, 'on_call', 'after_call_work', 'break', 'ready', 'training', 'signed_out'];

export interface BoardStoreOptions {
  /** Runs `flush` soon after messages arrive; by default in an animation frame, at most every FLUSH_GAP_MS. */
  schedule?: (flush: () => void) => void;
  now?: () => number;
}

/**
 * Reports are applied in batches, at most two a second: a supervisor reads
 * the board at human speed (times in state tick by the second), and 140
 * reports a second (1,400 seats changing every 10 s) then cost two renders
 * instead of one per report or per frame. Each batch repaints the tiles it
 * touches wherever they are on screen. Bench `board`, 1,400 reports a second
 * on an idle machine: two batches a second kept 95 % of frames under 15.5 ms
 * of main-thread work with 10.7 % of a core; four a second, 17.5 ms and 14.9 %
 * (a batch's frame is the heavy one, and at four a second they were over 5 %
 * of all frames); ten a second used 17 %.
 */
export const FLUSH_GAP_MS = 500;

function frameThrottled(): (flush: () => void) => void {
  let lastFlush = 0;
  return (flush) => {
    const run = (): void => {
      lastFlush = performance.now();
      flush();
    };
    const wait = lastFlush + FLUSH_GAP_MS - performance.now();
    const inFrame = (): void => {
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
      else run();
    };
    if (wait > 0) setTimeout(inFrame, wait);
    else inFrame();
  };
}

function alarmsFor(
  seats: Iterable<BoardSeat>,
  now: number,
  thresholds: AlarmThresholds,
  previous: ReadonlyMap<string, readonly AlarmKind[]>,
): { alarms: Map<string, readonly AlarmKind[]>; changed: boolean } {
  const alarms = new Map<string, readonly AlarmKind[]>();
  let changed = false;
  for (const seat of seats) {
    const kinds = seatAlarms(seat, now, thresholds);
    if (kinds.length === 0) continue;
    const before = previous.get(seat.deskId);
    if (before && sameAlarms(before, kinds)) alarms.set(seat.deskId, before);
    else {
      alarms.set(seat.deskId, kinds);
      changed = true;
    }
  }
  return { alarms, changed: changed || alarms.size !== previous.size };
}

function teamStatsFor(
  seats: ReadonlyMap<string, BoardSeat>,
  alarms: ReadonlyMap<string, readonly AlarmKind[]>,
  previous: ReadonlyMap<string, TeamStats>,
): ReadonlyMap<string, TeamStats> {
  const fresh = new Map<string, TeamStats>();
  for (const seat of seats.values()) {
    const team = seat.team?.trim() ?? TEAMLESS;
    let stats = fresh.get(team);
    if (!stats) fresh.set(team, (stats = { seats: 0, onCall: 0, ready: 0, alarmed: 0 }));
    stats.seats++;
    if (seat.state === 'on_call') stats.onCall++;
    else if (seat.state === 'ready') stats.ready++;
    if (alarms.has(seat.deskId)) stats.alarmed++;
  }
  let changed = fresh.size !== previous.size;
  for (const [team, stats] of fresh) {
    const before = previous.get(team);
    if (before && before.seats === stats.seats && before.onCall === stats.onCall && before.ready === stats.ready && before.alarmed === stats.alarmed) fresh.set(team, before);
    else changed = true;
  }
  return changed ? fresh : previous;
}

/** The key a team's stats are kept under (seats without a team share one). */
export function teamKey(team: string | null): string {
  return team?.trim() ?? TEAMLESS;
}

export function createBoardStore(options: BoardStoreOptions = {}): BoardStore {
  const schedule = options.schedule ?? frameThrottled();
  const clock = options.now ?? Date.now;
  // Outside the state: arriving messages must not notify subscribers, only the flush does.
  let pendingSnapshot: readonly Seat[] | null = null;
  const pendingSeats = new Map<string, Seat>();
  let scheduled = false;

  const initial = (): BoardData => ({
    phase: 'waiting',
    seats: new Map(),
    alarms: new Map(),
    visible: [],
    order: [],
    totals: boardTotals([], 0),
    teamStats: new Map(),
    now: clock(),
    thresholds: defaultAlarmThresholds,
    filter: noFilter,
    focused: null,
    focusRequest: 0,
    detailsOf: null,
    feed: { staleSince: null, lastGap: null },
  });

  return createStore<BoardState>()((set, get) => {
    /** The filtered layout; the previous one is kept (same object) when it lays out the same tiles. */
    function layout(
      seats: ReadonlyMap<string, BoardSeat>,
      alarms: ReadonlyMap<string, readonly AlarmKind[]>,
      filter: SeatFilter,
      previous: readonly TeamGroup[],
    ): Pick<BoardState, 'visible' | 'order'> | null {
      const none: readonly AlarmKind[] = [];
      const visible = isFiltering(filter) ? groupByTeam(seats.values(), (seat) => matchesFilter(seat, alarms.get(seat.deskId) ?? none, filter)) : groupByTeam(seats.values());
      if (sameGroups(visible, previous)) return null;
      return { visible, order: visible.flatMap((group) => group.deskIds) };
    }

    /** Everything that depends on the clock, recomputed for every seat. */
    function derived(
      state: BoardState,
      seats: ReadonlyMap<string, BoardSeat>,
      now: number,
      thresholds: AlarmThresholds,
      filter: SeatFilter,
      forceLayout: boolean,
    ): Partial<BoardState> {
      const { alarms, changed } = alarmsFor(seats.values(), now, thresholds, state.alarms);
      const kept = changed ? alarms : state.alarms;
      const none: readonly AlarmKind[] = [];
      const totals = boardTotals(seats.values(), now, thresholds, (seat) => kept.get(seat.deskId) ?? none);
      const next: Partial<BoardState> = { now, alarms: kept, teamStats: teamStatsFor(seats, kept, state.teamStats) };
      if (!sameTotals(totals, state.totals)) next.totals = totals;
      // Without a filter the layout depends only on which seats exist and their teams.
      if (forceLayout || isFiltering(filter)) Object.assign(next, layout(seats, kept, filter, state.visible));
      return next;
    }

    function flushPending(now: number): Partial<BoardState> | null {
      scheduled = false;
      if (pendingSnapshot === null && pendingSeats.size === 0) return null;
      const state = get();
      let seats: Map<string, BoardSeat>;
      let membership = false;
      if (pendingSnapshot !== null) {
        seats = new Map(pendingSnapshot.map((seat) => [seat.deskId, toBoardSeat(seat)]));
        pendingSnapshot = null;
        membership = true;
      } else {
        seats = new Map(state.seats);
      }
      let alarms: Map<string, readonly AlarmKind[]> | null = null;
      for (const report of pendingSeats.values()) {
        const before = seats.get(report.deskId);
        const seat = toBoardSeat(report, before);
        // Reports can cross on the way; an older one never overwrites a newer one.
        if (before && seat.reportedMs < before.reportedMs) continue;
        if (!before || before.team !== seat.team || before.displayName !== seat.displayName) membership = true;
        seats.set(seat.deskId, seat);
        if (membership) continue;
        const kinds = seatAlarms(seat, now, state.thresholds);
        const had = state.alarms.get(seat.deskId);
        if (kinds.length === 0 ? had !== undefined : !had || !sameAlarms(had, kinds)) {
          alarms ??= new Map(state.alarms);
          if (kinds.length === 0) alarms.delete(seat.deskId);
          else alarms.set(seat.deskId, kinds);
        }
      }
      pendingSeats.clear();
      if (membership) return { phase: 'live', seats, ...derived(state, seats, now, state.thresholds, state.filter, true) };
      // A plain update: only the changed seats' alarms; totals and the filtered layout follow on the next tick.
      return alarms ? { seats, alarms } : { seats };
    }

    return {
      ...initial(),
      receive: (message) => {
        if (message.type === 'feed') {
          // Not batched: the supervisor must see at once that the tiles may be out of date.
          const since = Date.parse(message.since);
          const { feed } = get();
          if (message.stale) set({ feed: { ...feed, staleSince: feed.staleSince ?? since } });
          else set({ feed: { staleSince: null, lastGap: { from: Math.min(since, feed.staleSince ?? since), to: Date.parse(message.until ?? new Date().toISOString()) } } });
          return;
        }
        if (message.type === 'snapshot') {
          pendingSnapshot = message.seats;
          pendingSeats.clear();
        } else {
          pendingSeats.set(message.seat.deskId, message.seat);
        }
        if (!scheduled) {
          scheduled = true;
          schedule(() => {
            get().flush(clock());
          });
        }
      },
      flush: (now) => {
        const patch = flushPending(now);
        if (patch) set(patch);
      },
      tick: (now) => {
        const flushed = flushPending(now);
        const state = flushed ? { ...get(), ...flushed } : get();
        set({ ...flushed, ...derived(state, state.seats, now, state.thresholds, state.filter, false) });
      },
      setFilter: (patch) => {
        const state = get();
        const filter = { ...state.filter, ...patch };
        set({ filter, ...layout(state.seats, state.alarms, filter, state.visible) });
      },
      cycleStateFilter: () => {
        const current = stateCycle.indexOf(get().filter.state);
        get().setFilter({ state: stateCycle[(current + 1) % stateCycle.length] ?? null });
      },
      setThresholds: (thresholds) => {
        const state = get();
        set({ thresholds, ...derived(state, state.seats, state.now, thresholds, state.filter, true) });
      },
      focusAlarm: (direction) => {
        const { order, alarms, focused, focusRequest } = get();
        const next = nextDesk(order, focused, (id) => alarms.has(id), direction);
        if (next === null) return false;
        set({ focused: next, focusRequest: focusRequest + 1 });
        return true;
      },
      focusSeat: (direction) => {
        const { order, focused, focusRequest } = get();
        const next = nextDesk(order, focused, () => true, direction);
        if (next === null) return false;
        set({ focused: next, focusRequest: focusRequest + 1 });
        return true;
      },
      focus: (deskId) => {
        set({ focused: deskId });
      },
      showDetails: (deskId) => {
        set({ detailsOf: deskId });
      },
      reset: () => {
        pendingSnapshot = null;
        pendingSeats.clear();
        set(initial());
      },
    };
  });
}

/** The board's one store (one board per window). */
export const boardStore = createBoardStore();

export function useBoard<T>(selector: (state: BoardState) => T): T {
  return useStore(boardStore, selector);
}
