import { create } from 'zustand';
import type { KbHit } from '../../../../shared/kb/search';

/** The knowledge pane's results and which one the operator has picked (↑/↓), shared with the global copy shortcut. */
interface KnowledgeState {
  hits: readonly KbHit[];
  /** Whether the hits answer what the operator typed, or are suggestions from the ticket's description. */
  source: 'query' | 'suggestion' | null;
  /** The typed query the hits answer ('' for suggestions): what an article's use is reported with. */
  asked: string;
  selected: number;
  /** The article opened with Enter (its whole answer script shown). */
  openId: string | null;
  /** The operator asked for a wider search (all districts, more articles) after a weak match; a new query ends it. */
  widened: boolean;
  resultsArrived: (hits: readonly KbHit[], source: KnowledgeState['source'], asked?: string) => void;
  moved: (step: 1 | -1) => void;
  chosen: (index: number) => void;
  opened: (id: string | null) => void;
  widenRequested: () => void;
  queryChanged: () => void;
}

export const useKnowledgeStore = create<KnowledgeState>()((set) => ({
  hits: [],
  source: null,
  asked: '',
  selected: 0,
  openId: null,
  widened: false,
  resultsArrived: (hits, source, asked = '') => {
    set({ hits, source, asked, selected: 0 });
  },
  moved: (step) => {
    set((s) => ({ selected: s.hits.length === 0 ? 0 : (s.selected + step + s.hits.length) % s.hits.length }));
  },
  chosen: (selected) => {
    set({ selected });
  },
  opened: (openId) => {
    set({ openId });
  },
  widenRequested: () => {
    set({ widened: true });
  },
  queryChanged: () => {
    set({ widened: false });
  },
}));
