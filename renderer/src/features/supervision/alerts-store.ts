import { useEffect } from 'react';
import type { Alert } from '../../../../shared/hub/alerts';
import type { DeskError } from '../../../../shared/result';
import { createHubPanelStore } from '../../core/hub-panel-store';
import { desk } from '../../desk/desk';
import { alertsReducer } from './alerts-model';

interface AlertsData {
  /** Open alerts, newest change first. */
  alerts: Alert[];
  /** Alerts whose tickets are shown. */
  expanded: ReadonlySet<number>;
}

interface AlertsActions {
  liveReceived: (alert: Alert) => void;
  acknowledge: (id: number) => Promise<{ ok: true; alert: Alert } | { ok: false; error: DeskError }>;
  toggleExpanded: (id: number) => void;
}

/** How long live alerts gather before they are applied together. */
const LIVE_FLUSH_MS = 250;
const liveBatch: Alert[] = [];
let liveTimer: ReturnType<typeof setTimeout> | null = null;
/** Live alerts heard while a read of the whole list is under way, one list per read. */
const liveDuringLoads = new Set<Alert[]>();

function flushLive(): void {
  const batch = liveBatch.splice(0);
  if (!batch.length) {
    liveTimer = null;
    return;
  }
  for (const heard of liveDuringLoads) heard.push(...batch);
  useAlertsStore.setState((s) => ({ alerts: batch.reduce((state, alert) => alertsReducer(state, { type: 'live', alert }), s.alerts) }));
  liveTimer = setTimeout(flushLive, LIVE_FLUSH_MS);
}

export const useAlertsStore = createHubPanelStore<AlertsData, AlertsActions>(
  { alerts: [], expanded: new Set() },
  async () => {
    const heardSince: Alert[] = [];
    liveDuringLoads.add(heardSince);
    const result = await desk.listAlerts({ includeAcknowledged: false }).finally(() => liveDuringLoads.delete(heardSince));
    if (!result.ok) return result;
    // What the live feed brought while the hub was answering may be newer than the answer: applied on top.
    const alerts = heardSince.reduce((state, alert) => alertsReducer(state, { type: 'live', alert }), alertsReducer([], { type: 'loaded', alerts: result.value }));
    return { ok: true, value: { alerts } };
  },
  (set, get) => ({
    liveReceived: (alert) => {
      // Alerts grow with every ticket behind them: on a busy centre several a second arrive. The first
      // after a quiet spell is shown at once; those following within LIVE_FLUSH_MS are applied together,
      // so the list (and its chart) re-renders a few times a second at most.
      liveBatch.push(alert);
      if (liveTimer === null) flushLive();
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
  }),
);

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
