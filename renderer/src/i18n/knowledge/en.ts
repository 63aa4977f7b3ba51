import type { Shape } from '../shape';
import type { knowledgeZhCN } from './zh-CN';

/** English for the knowledge base pane; the type makes a missing or extra key a compile error. */
export const knowledgeEn: Shape<typeof knowledgeZhCN> = {
  suggested: 'Suggested from the ticket',
  feedback: { helpful: 'Helpful', outdated: 'Outdated', wrong: 'Wrong', thanks: 'Noted for the KB editors' },
  expired: 'Expired',
  phrasing: 'Asked as: {{phrasing}}',
  learned: 'Often used by operators',
  updated: 'updated {{date}}',
  linked: 'Linked:',
  noHits: 'Nothing found; try other words',
  weak: {
    title: 'No article matches well',
    detail: 'The articles below share only a few of the words searched for and may not answer the question.',
    widen: 'Widen the search (Shift+Enter)',
    widened: 'Search widened: all districts, more articles',
    registerNew: 'Register as a new matter (Alt+Enter)',
  },
  copied: 'The answer of “{{title}}” was copied into the ticket',
  nothingToCopy: 'Pick an article in the knowledge pane first',
  searchPlaceholder: 'Search the knowledge base (F3; ↑↓ pick, Enter open, Alt+I copy to ticket)',
  empty: 'Two or three keywords are enough',
  detach: 'Move to second screen',
  detachUnsupported: 'The browser version cannot move panes to a second screen',
};
