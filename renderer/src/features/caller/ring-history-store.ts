import { create } from 'zustand';
import type { RingHistory } from '../../../../shared/tickets/ring-history';

/** The new ticket's link to an earlier one, asked for from the screen pop; the registration form takes it up. */
export interface LinkRequest {
  ticketId: string;
  number: string | null;
}

interface RingHistoryState {
  /** The call the answer is for (each call asks afresh: the hub may know more since the last one). */
  callId: string | null;
  answer: RingHistory | null;
  /** The row the operator is looking at (opened in place), by index; null when none. */
  selected: number | null;
  linked: LinkRequest | null;
  answered: (callId: string, answer: RingHistory) => void;
  /** Alt+↓ / Alt+↑: the next or previous row, wrapping round. */
  moved: (step: 1 | -1) => void;
  /** Alt+Shift+R: the selected row (the first one when none is selected) becomes the new ticket's related ticket. */
  linkRequested: () => LinkRequest | null;
}

export const useRingHistoryStore = create<RingHistoryState>()((set, get) => ({
  callId: null,
  answer: null,
  selected: null,
  linked: null,
  answered: (callId, answer) => {
    set((s) => (s.callId === callId ? { answer } : { callId, answer, selected: null, linked: null }));
  },
  moved: (step) => {
    const count = get().answer?.rows.length ?? 0;
    if (count === 0) return;
    set((s) => ({ selected: s.selected === null ? (step === 1 ? 0 : count - 1) : (s.selected + step + count) % count }));
  },
  linkRequested: () => {
    const { answer, selected } = get();
    const row = answer?.rows[selected ?? 0];
    if (!row) return null;
    const linked = { ticketId: row.id, number: row.number };
    set({ linked, selected: selected ?? 0 });
    return linked;
  },
}));
