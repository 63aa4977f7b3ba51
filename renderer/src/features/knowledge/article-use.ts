import type { KbUseKind } from '../../../../shared/kb/learned-expansions';
import { desk } from '../../desk/desk';
import { useKnowledgeStore } from './knowledge-store';

/** What was reported for the current query: opening an article twice teaches nothing new. */
let reported = { asked: '', uses: new Set<string>() };

/**
 * Tells the desk an article was used after a typed query (opened, copied into the ticket, marked 有用): the desk
 * queues it for the hub, which learns which articles callers' words lead to. Suggestions from the ticket's
 * description are not reported: nobody typed them as a question.
 */
export function reportArticleUse(articleId: string, kind: KbUseKind): void {
  const { source, asked } = useKnowledgeStore.getState();
  if (source !== 'query' || !asked.trim()) return;
  if (reported.asked !== asked) reported = { asked, uses: new Set() };
  const key = `${kind}:${articleId}`;
  if (reported.uses.has(key)) return;
  reported.uses.add(key);
  void desk.kbUse({ query: asked, articleId, kind });
}

/** Opens the article's whole answer (or closes it when it is the open one). */
export function toggleArticle(id: string): void {
  const { openId, opened } = useKnowledgeStore.getState();
  if (openId === id) {
    opened(null);
    return;
  }
  opened(id);
  reportArticleUse(id, 'opened');
}
