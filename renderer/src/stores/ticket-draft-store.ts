import { create } from 'zustand';

/**
 * What the knowledge pane and the ticket form share during a call: the
 * description being typed (knowledge suggestions follow it), the caller's
 * district (local articles rank first) and the articles linked to the ticket
 * (an answer copied from the knowledge pane links its article).
 */
/** The call the ticket is being written for: its number fills the form, and the ticket is linked to its record. */
export interface TicketCall {
  callId: string;
  number: string;
  /** ISO instant the call started ringing. */
  startedAt: string;
  /** Set once a ticket was registered for this call. */
  ticketId: string | null;
}

interface TicketDraftState {
  call: TicketCall | null;
  description: string;
  district: string | null;
  /** The matter chosen in the form: with the number, it decides whether this is a repeat caller. */
  category: readonly [string, string] | null;
  linkedArticleIds: readonly string[];
  descriptionChanged: (description: string) => void;
  districtChanged: (district: string | null) => void;
  categoryChanged: (category: readonly [string, string] | null) => void;
  /** Appends an article's answer to the description and links the article. */
  answerCopied: (articleId: string, answer: string) => void;
  cleared: () => void;
  /** An inbound call was answered (a new caller, a new ticket). */
  callAnswered: (call: Omit<TicketCall, 'ticketId'>) => void;
  ticketRegisteredForCall: (ticketId: string) => void;
}

export const useTicketDraftStore = create<TicketDraftState>()((set) => ({
  call: null,
  description: '',
  district: null,
  category: null,
  linkedArticleIds: [],
  descriptionChanged: (description) => {
    set({ description });
  },
  districtChanged: (district) => {
    set({ district });
  },
  categoryChanged: (category) => {
    set({ category });
  },
  answerCopied: (articleId, answer) => {
    set((s) => ({
      description: s.description ? `${s.description}\n${answer}` : answer,
      linkedArticleIds: s.linkedArticleIds.includes(articleId) ? s.linkedArticleIds : [...s.linkedArticleIds, articleId],
    }));
  },
  cleared: () => {
    set({ description: '', district: null, category: null, linkedArticleIds: [] });
  },
  callAnswered: (call) => {
    set({ call: { ...call, ticketId: null } });
  },
  ticketRegisteredForCall: (ticketId) => {
    set((s) => (s.call && s.call.ticketId === null ? { call: { ...s.call, ticketId } } : {}));
  },
}));
