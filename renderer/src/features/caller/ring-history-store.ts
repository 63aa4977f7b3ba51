import { create } from 'zustand';
import { phoneLineOf } from '../../../../shared/phone/phone-number';
import type { RingHistory } from '../../../../shared/tickets/ring-history';
import { desk } from '../../desk/desk';
import { usePhoneStore } from '../phone';

/** A hub that was only slow has usually answered (and been kept) a moment later: asked once more then. */
const SLOW_RETRY_MS = 2_000;

/** The new ticket's link to an earlier one, asked for from the screen pop; the registration form takes it up. */
export interface LinkRequest {
  ticketId: string;
  number: string | null;
}

interface RingHistoryState {
  /** The call the history is asked or answered for (each call asks afresh: the hub may know more since the last one). */
  callId: string | null;
  answer: RingHistory | null;
  /** The row the operator is looking at (opened in place), by index; null when none. */
  selected: number | null;
  linked: LinkRequest | null;
  /** Asks the services for this call's history, once per call. */
  asked: (callId: string, number: string) => void;
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
  asked: (callId, number) => {
    if (get().callId === callId) return;
    set({ callId, answer: null, selected: null, linked: null });
    const line = phoneLineOf(number);
    if (!line) return;
    const ask = (again: boolean): void => {
      void desk.ringHistory({ number: line }).then((result) => {
        if (get().callId !== callId || !result.ok) return;
        set({ answer: result.value });
        if (!again && result.value.hubProblem === 'slow') setTimeout(() => ask(true), SLOW_RETRY_MS);
      });
    };
    ask(false);
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

/**
 * Asks for a ringing call's history the moment the phone reports it (the
 * store's listeners run before React renders the screen pop), so the answer
 * is on its way while the pop is drawn. Returns the unsubscribe.
 */
export function askOnRing(): () => void {
  return usePhoneStore.subscribe((state) => {
    for (const call of Object.values(state.calls)) {
      if (call.phase === 'ringing') useRingHistoryStore.getState().asked(call.id, call.remoteNumber);
    }
  });
}
