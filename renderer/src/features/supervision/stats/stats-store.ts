import type { TicketStats } from '../../../../../shared/hub/stats';
import { createHubPanelStore } from '../../../core/hub-panel-store';
import { desk } from '../../../desk/desk';
import { useSettingsStore } from '../../../stores/settings-store';
import type { StatsWindowKind } from './stats-window';
import { statsWindow } from './stats-window';

/** How many matters and departments the charts show. */
export const STATS_TOP = 10;

interface StatsData {
  windowKind: StatsWindowKind;
  /** The hub's last answer for the chosen window; kept while a new one is read. */
  stats: TicketStats | null;
  /** The window the shown statistics are for (it may lag the chosen one while reading). */
  statsKind: StatsWindowKind | null;
}

export const useStatsStore = createHubPanelStore<StatsData, { windowChosen: (kind: StatsWindowKind) => void }>(
  { windowKind: 'today', stats: null, statsKind: null },
  async ({ get }) => {
    const kind = get().windowKind;
    const range = statsWindow(kind, Date.now(), useSettingsStore.getState().settings.shift);
    const result = await desk.ticketStats({ ...range, top: STATS_TOP });
    return result.ok ? { ok: true, value: { stats: result.value, statsKind: kind } } : result;
  },
  (set, get) => ({
    windowChosen: (windowKind) => {
      if (windowKind === get().windowKind) return;
      set({ windowKind });
      void get().load();
    },
  }),
);
