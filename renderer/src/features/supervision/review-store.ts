import { create } from 'zustand';
import type { HubTicket, ReviewDecision } from '../../../../shared/hub/hub-ticket';
import type { DeskError } from '../../../../shared/result';
import { desk } from '../../desk/desk';

interface ReviewState {
  /** Trainees' tickets waiting at the hub, oldest first (the hub's order). */
  tickets: HubTicket[];
  loaded: boolean;
  loading: boolean;
  error: DeskError | null;
  /** The ticket whose return comment is being written. */
  returning: HubTicket | null;
  /** Bumped to ask the queue to take the focus. */
  focusRequest: number;
  load: () => Promise<void>;
  /** Sends the decision; on success the queue is read again. */
  decide: (ticket: HubTicket, decision: ReviewDecision) => Promise<{ ok: true; ticket: HubTicket } | { ok: false; error: DeskError }>;
  returnStarted: (ticket: HubTicket | null) => void;
  focusRequested: () => void;
}

export const useReviewStore = create<ReviewState>()((set, get) => ({
  tickets: [],
  loaded: false,
  loading: false,
  error: null,
  returning: null,
  focusRequest: 0,
  load: async () => {
    set({ loading: true });
    const result = await desk.listReviews();
    if (result.ok) set({ tickets: result.value, loaded: true, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
  decide: async (ticket, decision) => {
    const result = await desk.decideReview({ ticketId: ticket.id, decision });
    if (!result.ok) {
      // Someone else may have decided it meanwhile: the queue as it is now.
      if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') void get().load();
      return { ok: false, error: result.error };
    }
    // Out of the list at once, then the hub's queue as it is now.
    set((s) => ({ tickets: s.tickets.filter((t) => t.id !== ticket.id) }));
    void get().load();
    return { ok: true, ticket: result.value };
  },
  returnStarted: (returning) => {
    set({ returning });
  },
  focusRequested: () => {
    set((s) => ({ focusRequest: s.focusRequest + 1 }));
  },
}));
