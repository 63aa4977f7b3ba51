import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { Authorship } from '../authorship';
import type { KbService } from './kb-service';

/** The knowledge base: search, articles, the operators' feedback and their uses of articles (what the hub learns from). */
export const kbHandlers = ({ kb, authorship }: { kb: KbService; authorship: Authorship }) =>
  ({
    kbSearch: (input) => kb.search(input),
    kbGetArticle: ({ id }) => kb.getArticle(id),
    kbFeedback: (feedback) => kb.recordFeedback(feedback, authorship.author()),
    kbUse: (use) => authorship.queued(kb.recordUse(use, authorship.author())),
    kbSemanticStatus: () => kb.semanticStatus(),
  }) satisfies Pick<DeskHandlers, 'kbSearch' | 'kbGetArticle' | 'kbFeedback' | 'kbUse' | 'kbSemanticStatus'>;
