import { create } from 'zustand';
import type { TicketStats } from '../../../../../shared/hub/stats';
import type { DeskError } from '../../../../../shared/result';
import { desk } from '../../../desk/desk';
import { useSettingsStore } from '../../../stores/settings-store';
import type { StatsWindowKind } from './stats-window';
import { statsWindow } from './stats-window';

/** How many matters and departments the charts show. */
export const STATS_TOP = 10;

interface StatsState {
  windowKind: StatsWindowKind;
  /** The hub's last answer for the chosen window; kept while a new one is read. */
  stats: TicketStats | null;
  /** The window the shown statistics are for (it may lag the chosen one while reading). */
  statsKind: StatsWindowKind | null;
  loading: boolean;
  error: DeskError | null;
  /** Bumped to ask the statistics panel to take the focus. */
  focusRequest: number;
  load: () => Promise<void>;
  windowChosen: (kind: StatsWindowKind) => void;
  focusRequested: () => void;
}

/** Answers come back in any order: only the latest request's is shown. */
let latestRequest = 0;

export const useStatsStore = create<StatsState>()((set, get) => ({
  windowKind: 'today',
  stats: null,
  statsKind: null,
  loading: false,
  error: null,
  focusRequest: 0,
  load: async () => {
    const request = ++latestRequest;
    const kind = get().windowKind;
    const range = statsWindow(kind, Date.now(), useSettingsStore.getState().settings.shift);
    set({ loading: true });
    const result = await desk.ticketStats({ ...range, top: STATS_TOP });
    if (request !== latestRequest) return;
    if (result.ok) set({ stats: result.value, statsKind: kind, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
  windowChosen: (windowKind) => {
    if (windowKind === get().windowKind) return;
    set({ windowKind });
    void get().load();
  },
  focusRequested: () => {
    set((s) => ({ focusRequest: s.focusRequest + 1 }));
  },
}));
