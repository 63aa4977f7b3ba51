import { create } from 'zustand';

/**
 * What the knowledge pane and the ticket form share during a call: the
 * description being typed (knowledge suggestions follow it), the caller's
 * district (local articles rank first) and the articles linked to the ticket
 * (an answer copied from the knowledge pane links its article).
 */
interface TicketDraftState {
  description: string;
  district: string | null;
  linkedArticleIds: readonly string[];
  descriptionChanged: (description: string) => void;
  districtChanged: (district: string | null) => void;
  /** Appends an article's answer to the description and links the article. */
  answerCopied: (articleId: string, answer: string) => void;
  cleared: () => void;
}

export const useTicketDraftStore = create<TicketDraftState>()((set) => ({
  description: '',
  district: null,
  linkedArticleIds: [],
  descriptionChanged: (description) => {
    set({ description });
  },
  districtChanged: (district) => {
    set({ district });
  },
  answerCopied: (articleId, answer) => {
    set((s) => ({
      description: s.description ? `${s.description}\n${answer}` : answer,
      linkedArticleIds: s.linkedArticleIds.includes(articleId) ? s.linkedArticleIds : [...s.linkedArticleIds, articleId],
    }));
  },
  cleared: () => {
    set({ description: '', district: null, linkedArticleIds: [] });
  },
}));
