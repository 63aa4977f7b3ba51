import { create } from 'zustand';

interface BoardUiState {
  helpOpen: boolean;
  /** Bumped to put the cursor in the search box. */
  searchRequest: number;
  helpToggled: (open?: boolean) => void;
  searchRequested: () => void;
}

/** The board's own overlays, apart from the seat data. */
export const useBoardUi = create<BoardUiState>()((set) => ({
  helpOpen: false,
  searchRequest: 0,
  helpToggled: (open) => {
    set((s) => ({ helpOpen: open ?? !s.helpOpen }));
  },
  searchRequested: () => {
    set((s) => ({ searchRequest: s.searchRequest + 1 }));
  },
}));
