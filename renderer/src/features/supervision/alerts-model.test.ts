import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/hub/alerts';
import { alertPlace, alertsReducer, countsByKind } from './alerts-model';
import { canSupervise } from './supervision-access';

function alert(id: number, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    kind: 'burst',
    matter: ['交通运输', '出租车管理'],
    district: '河东区',
    callerNumber: null,
    windowStart: '2026-11-22T01:00:00.000Z',
    windowEnd: '2026-11-22T02:00:00.000Z',
    ticketCount: 6,
    tickets: [],
    raisedAt: '2026-11-22T02:00:00.000Z',
    updatedAt: '2026-11-22T02:00:00.000Z',
    acknowledgedBy: null,
    acknowledgedAt: null,
    ...overrides,
  };
}

const acknowledged = { acknowledgedBy: 'sup01', acknowledgedAt: '2026-11-22T03:00:00.000Z' };

describe('open alerts list', () => {
  it('keeps only the open alerts of the hub’s answer, newest change first', () => {
    const state = alertsReducer([], {
      type: 'loaded',
      alerts: [alert(1, { updatedAt: '2026-11-22T01:00:00.000Z' }), alert(2, { updatedAt: '2026-11-22T03:00:00.000Z' }), alert(3, acknowledged)],
    });
    expect(state.map((a) => a.id)).toEqual([2, 1]);
  });

  it('inserts a new live alert at the top and replaces one that grew in place of the old', () => {
    let state = alertsReducer([], { type: 'loaded', alerts: [alert(1), alert(2, { updatedAt: '2026-11-22T02:30:00.000Z' })] });
    state = alertsReducer(state, { type: 'live', alert: alert(3, { kind: 'many', updatedAt: '2026-11-22T02:40:00.000Z' }) });
    expect(state.map((a) => a.id)).toEqual([3, 2, 1]);
    state = alertsReducer(state, { type: 'live', alert: alert(1, { ticketCount: 9, updatedAt: '2026-11-22T02:50:00.000Z' }) });
    expect(state.map((a) => a.id)).toEqual([1, 3, 2]);
    expect(state.find((a) => a.id === 1)?.ticketCount).toBe(9);
    expect(state).toHaveLength(3);
  });

  it('ignores a live copy older than the one on screen', () => {
    const state = alertsReducer([alert(1, { ticketCount: 9, updatedAt: '2026-11-22T02:50:00.000Z' })], { type: 'live', alert: alert(1, { ticketCount: 6 }) });
    expect(state[0]?.ticketCount).toBe(9);
  });

  it('drops an alert acknowledged here or at another desk, and ignores one that was never on screen', () => {
    let state = alertsReducer([], { type: 'loaded', alerts: [alert(1), alert(2)] });
    state = alertsReducer(state, { type: 'acknowledged', id: 1 });
    expect(state.map((a) => a.id)).toEqual([2]);
    state = alertsReducer(state, { type: 'live', alert: alert(2, acknowledged) });
    expect(state).toEqual([]);
    state = alertsReducer(state, { type: 'live', alert: alert(7, acknowledged) });
    expect(state).toEqual([]);
  });

  it('counts open alerts by kind with every kind present', () => {
    expect(countsByKind([alert(1), alert(2, { kind: 'many' }), alert(3)])).toEqual({ many: 1, new: 0, burst: 2, repeat: 0 });
    expect(countsByKind([])).toEqual({ many: 0, new: 0, burst: 0, repeat: 0 });
  });

  it('places a repeat-caller alert at the caller, the others at the district or the whole city', () => {
    expect(alertPlace(alert(1, { kind: 'repeat', district: null, callerNumber: '13500000000' }))).toEqual({ caller: '13500000000' });
    expect(alertPlace(alert(2))).toEqual({ district: '河东区' });
    expect(alertPlace(alert(3, { kind: 'new', district: null }))).toEqual({ district: null });
  });
});

describe('who supervises', () => {
  it('shows the review queue and alerts to supervisors and admins only', () => {
    expect(canSupervise({ role: 'supervisor' })).toBe(true);
    expect(canSupervise({ role: 'admin' })).toBe(true);
    expect(canSupervise({ role: 'operator' })).toBe(false);
    expect(canSupervise({ role: 'trainee' })).toBe(false);
    expect(canSupervise(null)).toBe(false);
  });
});
