import { describe, expect, it } from 'vitest';
import type { Seat } from '../../../../shared/hub/presence';
import { createBoardStore } from './board-store';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

function seat(deskId: string, patch: Partial<Seat> = {}): Seat {
  return {
    deskId,
    operator: deskId,
    displayName: `话务员${deskId}`,
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

/** A store whose flushes run when the test says so. */
function manualStore(): { store: ReturnType<typeof createBoardStore>; flushes: () => number } {
  const queued: (() => void)[] = [];
  const store = createBoardStore({ schedule: (flush) => queued.push(flush), now: () => T0 });
  return {
    store,
    flushes: () => {
      const n = queued.length;
      queued.splice(0).forEach((flush) => {
        flush();
      });
      return n;
    },
  };
}

describe('board store', () => {
  it('waits for the snapshot, then lays the seats out by team with totals', () => {
    const { store, flushes } = manualStore();
    expect(store.getState().phase).toBe('waiting');
    store.getState().receive({ type: 'snapshot', seats: [seat('A-2'), seat('A-1', { state: 'on_call', callStartedAt: iso(T0) }), seat('B-1', { team: '第2组' })] });
    expect(store.getState().phase).toBe('waiting');
    flushes();
    const state = store.getState();
    expect(state.phase).toBe('live');
    expect(state.visible).toEqual([
      { team: '第1组', deskIds: ['A-1', 'A-2'] },
      { team: '第2组', deskIds: ['B-1'] },
    ]);
    expect(state.order).toEqual(['A-1', 'A-2', 'B-1']);
    expect(state.totals.seats).toBe(3);
    expect(state.totals.onCall).toBe(1);
    expect(state.teamStats.get('第1组')).toEqual({ seats: 2, onCall: 1, ready: 1, alarmed: 0 });
  });

  it('applies a burst of updates in one flush, latest report per seat winning, one notification', () => {
    const { store, flushes } = manualStore();
    store.getState().receive({ type: 'snapshot', seats: [seat('A-1'), seat('A-2')] });
    flushes();
    const before = store.getState();
    let notifications = 0;
    const off = store.subscribe(() => notifications++);
    for (let i = 1; i <= 100; i++) store.getState().receive({ type: 'seat', seat: seat('A-1', { state: i % 2 ? 'on_call' : 'ready', reportedAt: iso(T0 + i) }) });
    expect(flushes()).toBe(1);
    off();
    expect(notifications).toBe(1);
    const after = store.getState();
    expect(after.seats.get('A-1')?.state).toBe('ready');
    // The untouched seat and the layout keep their identity: their tiles and the grid do not re-render.
    expect(after.seats.get('A-2')).toBe(before.seats.get('A-2'));
    expect(after.visible).toBe(before.visible);
  });

  it('never lets an older report overwrite a newer one', () => {
    const { store, flushes } = manualStore();
    store.getState().receive({ type: 'snapshot', seats: [seat('A-1', { state: 'on_call', reportedAt: iso(T0 + 5_000) })] });
    flushes();
    store.getState().receive({ type: 'seat', seat: seat('A-1', { state: 'ready', reportedAt: iso(T0) }) });
    flushes();
    expect(store.getState().seats.get('A-1')?.state).toBe('on_call');
  });

  it('adds a seat that was not in the snapshot to its team', () => {
    const { store, flushes } = manualStore();
    store.getState().receive({ type: 'snapshot', seats: [seat('A-1')] });
    flushes();
    store.getState().receive({ type: 'seat', seat: seat('C-1', { team: '第3组' }) });
    flushes();
    expect(store.getState().visible.map((g) => g.team)).toEqual(['第1组', '第3组']);
    expect(store.getState().totals.seats).toBe(2);
  });

  it('raises a help alarm at once and a long-call alarm when the clock passes the limit', () => {
    const { store, flushes } = manualStore();
    store.getState().receive({ type: 'snapshot', seats: [seat('A-1', { state: 'on_call', callStartedAt: iso(T0) }), seat('A-2')] });
    flushes();
    expect(store.getState().alarms.size).toBe(0);
    store.getState().receive({ type: 'seat', seat: seat('A-2', { state: 'on_call', callStartedAt: iso(T0), helpRequested: true, reportedAt: iso(T0 + 1) }) });
    flushes();
    expect(store.getState().alarms.get('A-2')).toEqual(['help']);
    store.getState().tick(T0 + 10 * MIN + 1_000);
    const state = store.getState();
    expect(state.alarms.get('A-1')).toEqual(['long_call']);
    expect(state.alarms.get('A-2')).toEqual(['help', 'long_call']);
    expect(state.totals.alarmedSeats).toBe(2);
    const kept = state.alarms.get('A-1');
    store.getState().tick(T0 + 10 * MIN + 2_000);
    expect(store.getState().alarms.get('A-1')).toBe(kept);
  });

  it('filters to alarmed seats, by state and by name, and jumps between alarmed seats', () => {
    const { store, flushes } = manualStore();
    store.getState().receive({
      type: 'snapshot',
      seats: [
        seat('A-1', { helpRequested: true }),
        seat('A-2'),
        seat('A-3', { state: 'break', since: iso(T0 - 20 * MIN), reason: '小休' }),
        seat('A-4', { state: 'break', displayName: '李娜' }),
      ],
    });
    flushes();
    const s = store.getState;
    expect(s().focusAlarm(1)).toBe(true);
    expect(s().focused).toBe('A-1');
    s().focusAlarm(1);
    expect(s().focused).toBe('A-3');
    s().focusAlarm(1);
    expect(s().focused).toBe('A-1');
    s().focusAlarm(-1);
    expect(s().focused).toBe('A-3');

    s().setFilter({ alarmOnly: true });
    expect(s().order).toEqual(['A-1', 'A-3']);
    s().setFilter({ alarmOnly: false, state: 'break' });
    expect(s().order).toEqual(['A-3', 'A-4']);
    s().setFilter({ state: null, query: '李' });
    expect(s().order).toEqual(['A-4']);
    s().setFilter({ query: '' });
    s().cycleStateFilter();
    expect(s().filter.state).toBe('on_call');
    expect(s().order).toEqual([]);
    expect(s().focusAlarm(1)).toBe(false);
  });

  it('follows changed thresholds and starts over on reset', () => {
    const { store, flushes } = manualStore();
    store.getState().receive({ type: 'snapshot', seats: [seat('A-1', { state: 'on_call', callStartedAt: iso(T0 - 4 * MIN) })] });
    flushes();
    expect(store.getState().alarms.size).toBe(0);
    store.getState().setThresholds({ ...store.getState().thresholds, longCallMinutes: 3 });
    expect(store.getState().alarms.get('A-1')).toEqual(['long_call']);
    store.getState().reset();
    expect(store.getState().phase).toBe('waiting');
    expect(store.getState().seats.size).toBe(0);
  });
});
