import type { Alert, AlertKind } from '../../../../shared/hub/alerts';
import { alertKinds } from '../../../../shared/hub/alert-kinds';

/** What changes the open-alerts list: the hub's full answer, or one alert from the live feed. */
export type AlertsAction = { type: 'loaded'; alerts: readonly Alert[] } | { type: 'live'; alert: Alert } | { type: 'acknowledged'; id: number };

const isOpen = (alert: Alert): boolean => alert.acknowledgedAt === null;

/** Newest change first; the id breaks ties so the order never flickers. */
function byRecency(a: Alert, b: Alert): number {
  return b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id;
}

/**
 * The open alerts on screen. A live alert is inserted, or replaces the one
 * with its id (it grew) unless the one on screen is newer; an acknowledged one
 * drops out, whoever acknowledged it.
 */
export function alertsReducer(state: readonly Alert[], action: AlertsAction): Alert[] {
  switch (action.type) {
    case 'loaded':
      return action.alerts.filter(isOpen).sort(byRecency);
    case 'acknowledged':
      return state.filter((a) => a.id !== action.id);
    case 'live': {
      const { alert } = action;
      const current = state.find((a) => a.id === alert.id);
      if (current && current.updatedAt > alert.updatedAt && current.acknowledgedAt === null && alert.acknowledgedAt === null) return [...state];
      const others = state.filter((a) => a.id !== alert.id);
      return isOpen(alert) ? [...others, alert].sort(byRecency) : others;
    }
  }
}

/** Open alerts per kind, every kind present (zero when none), in the kinds' fixed order. */
export function countsByKind(alerts: readonly Alert[]): Record<AlertKind, number> {
  const counts = Object.fromEntries(alertKinds.map((k) => [k, 0])) as Record<AlertKind, number>;
  for (const alert of alerts) counts[alert.kind] += 1;
  return counts;
}

/** One colour per kind, the same in the list's tags and the chart's bars. */
export const alertKindColors: Readonly<Record<AlertKind, string>> = {
  many: '#fa8c16',
  new: '#1677ff',
  burst: '#f5222d',
  repeat: '#722ed1',
};
/** The text on each kind's filled tag, in either theme: black on the three light ones (5:1 or more), white on purple (7:1). */
export const alertKindTextColors: Readonly<Record<AlertKind, string>> = {
  many: '#000000',
  new: '#000000',
  burst: '#000000',
  repeat: '#ffffff',
};

/** Where the alert is: the caller for a repeat caller, else the district (null: the whole city). */
export function alertPlace(alert: Pick<Alert, 'kind' | 'district' | 'callerNumber'>): { caller: string } | { district: string | null } {
  return alert.kind === 'repeat' && alert.callerNumber ? { caller: alert.callerNumber } : { district: alert.district };
}
