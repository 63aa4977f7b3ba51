import type { HubTicket, ReviewDecision } from '../../../../shared/hub/hub-ticket';
import type { DeskError } from '../../../../shared/result';
import { createHubPanelStore } from '../../core/hub-panel-store';
import { desk } from '../../desk/desk';

interface ReviewData {
  /** Trainees' tickets waiting at the hub, oldest first (the hub's order). */
  tickets: HubTicket[];
  /** The ticket whose return comment is being written. */
  returning: HubTicket | null;
}

interface ReviewActions {
  /** Sends the decision; on success the queue is read again. */
  decide: (ticket: HubTicket, decision: ReviewDecision) => Promise<{ ok: true; ticket: HubTicket } | { ok: false; error: DeskError }>;
  returnStarted: (ticket: HubTicket | null) => void;
}

export const useReviewStore = createHubPanelStore<ReviewData, ReviewActions>(
  { tickets: [], returning: null },
  async () => {
    const result = await desk.listReviews();
    return result.ok ? { ok: true, value: { tickets: result.value } } : result;
  },
  (set, get) => ({
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
  }),
);
