import { create } from 'zustand';

/** `reviews`, `alerts`, `stats` and `placement` are shown to supervisor and admin accounts only. */
export type RightTab = 'knowledge' | 'history' | 'replies' | 'reviews' | 'alerts' | 'stats' | 'placement';

interface WorkbenchState {
  rightTab: RightTab;
  helpOpen: boolean;
  /** Whether the desk's local services answer (web host socket or Electron IPC). */
  servicesReachable: boolean;
  /** Bumped to ask the knowledge search box to take the focus. */
  knowledgeFocusRequest: number;
  rightTabChosen: (tab: RightTab) => void;
  helpToggled: (open?: boolean) => void;
  servicesReachabilityChanged: (reachable: boolean) => void;
  knowledgeFocusRequested: () => void;
}

export const useWorkbenchStore = create<WorkbenchState>()((set) => ({
  rightTab: 'knowledge',
  helpOpen: false,
  servicesReachable: true,
  knowledgeFocusRequest: 0,
  rightTabChosen: (rightTab) => {
    set({ rightTab });
  },
  helpToggled: (open) => {
    set((s) => ({ helpOpen: open ?? !s.helpOpen }));
  },
  servicesReachabilityChanged: (servicesReachable) => {
    set({ servicesReachable });
  },
  knowledgeFocusRequested: () => {
    set((s) => ({ rightTab: 'knowledge', knowledgeFocusRequest: s.knowledgeFocusRequest + 1 }));
  },
}));
