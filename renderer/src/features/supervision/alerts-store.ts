import { useEffect } from 'react';
import { create } from 'zustand';
import type { Alert } from '../../../../shared/hub/alerts';
import type { DeskError } from '../../../../shared/result';
import { desk } from '../../desk/desk';
import { alertsReducer } from './alerts-model';

interface AlertsState {
  /** Open alerts, newest change first. */
  alerts: Alert[];
  /** Whether the hub answered at least once since the last failure. */
  loaded: boolean;
  loading: boolean;
  error: DeskError | null;
  /** Alerts whose tickets are shown. */
  expanded: ReadonlySet<number>;
  /** Bumped to ask the alerts list to take the focus. */
  focusRequest: number;
  load: () => Promise<void>;
  liveReceived: (alert: Alert) => void;
  acknowledge: (id: number) => Promise<{ ok: true; alert: Alert } | { ok: false; error: DeskError }>;
  toggleExpanded: (id: number) => void;
  focusRequested: () => void;
}

export const useAlertsStore = create<AlertsState>()((set, get) => ({
  alerts: [],
  loaded: false,
  loading: false,
  error: null,
  expanded: new Set(),
  focusRequest: 0,
  load: async () => {
    set({ loading: true });
    const result = await desk.listAlerts({ includeAcknowledged: false });
    if (result.ok) set((s) => ({ alerts: alertsReducer(s.alerts, { type: 'loaded', alerts: result.value }), loaded: true, loading: false, error: null }));
    else set({ loading: false, error: result.error });
  },
  liveReceived: (alert) => {
    set((s) => ({ alerts: alertsReducer(s.alerts, { type: 'live', alert }) }));
  },
  acknowledge: async (id) => {
    const result = await desk.acknowledgeAlert({ id });
    if (!result.ok) return { ok: false, error: result.error };
    set((s) => ({ alerts: alertsReducer(s.alerts, { type: 'acknowledged', id }) }));
    return { ok: true, alert: result.value };
  },
  toggleExpanded: (id) => {
    const expanded = new Set(get().expanded);
    if (!expanded.delete(id)) expanded.add(id);
    set({ expanded });
  },
  focusRequested: () => {
    set((s) => ({ focusRequest: s.focusRequest + 1 }));
  },
}));

/**
 * Keeps the open alerts current while mounted: read from the hub now and
 * whenever the hub session changes, then followed on the live feed. Used by
 * the tab's label (so its count is live on any tab) and by the panel itself
 * (so the board can embed the panel alone); subscribing twice is harmless.
 */
export function useAlertFeed(): void {
  useEffect(() => {
    const { load, liveReceived } = useAlertsStore.getState();
    void load();
    const offLive = desk.on('liveAlert', liveReceived);
    const offSession = desk.on('hubSessionChanged', () => {
      void load();
    });
    return () => {
      offLive();
      offSession();
    };
  }, []);
}
