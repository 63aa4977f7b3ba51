import { useDeferredValue, useEffect, useRef } from 'react';
import { desk } from '../../desk/desk';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import { useKnowledgeStore } from './knowledge-store';
import { reportArticleUse } from './article-use';

const SUGGESTION_DELAY_MS = 400;
const SUGGESTION_MIN_CHARS = 6;
/** A widened search: every district's articles on an equal footing, and more of them. */
const WIDENED_LIMIT = 30;

/**
 * Runs the search on every keystroke without holding the input up: the query
 * is deferred, and an answer that arrives after a newer question is dropped.
 * With an empty query, the ticket's description (as it is typed) asks instead,
 * so the likely articles are there before the operator thinks to search.
 */
export function useKnowledgeSearch(query: string): void {
  const deferred = useDeferredValue(query);
  const district = useTicketDraftStore((s) => s.district);
  const description = useTicketDraftStore((s) => s.description);
  const widened = useKnowledgeStore((s) => s.widened);
  const latest = useRef(0);

  useEffect(() => {
    useKnowledgeStore.getState().queryChanged();
  }, [deferred]);

  useEffect(() => {
    const text = deferred.trim();
    const asking = ++latest.current;
    const { resultsArrived } = useKnowledgeStore.getState();
    const run = (source: 'query' | 'suggestion', search: string, limit: number): void => {
      const asked = widened ? { district: null, limit: WIDENED_LIMIT } : { district, limit };
      void desk.kbSearch({ query: search.slice(0, 200), ...asked }).then((result) => {
        if (asking === latest.current && result.ok) resultsArrived(result.value, source, source === 'query' ? search.slice(0, 200) : '');
      });
    };
    if (text) {
      run('query', text, 10);
      return;
    }
    const suggestion = description.trim();
    if (suggestion.length < SUGGESTION_MIN_CHARS) {
      resultsArrived([], null);
      return;
    }
    const timer = window.setTimeout(() => {
      run('suggestion', suggestion, 5);
    }, SUGGESTION_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [deferred, district, description, widened]);
}

/** Copies the picked article's answer into the ticket description and links the article. */
export async function copySelectedAnswer(): Promise<string | null> {
  const { hits, selected } = useKnowledgeStore.getState();
  const hit = hits[selected];
  if (!hit) return null;
  const article = await desk.kbGetArticle({ id: hit.id });
  if (!article.ok) return null;
  useTicketDraftStore.getState().answerCopied(article.value.id, article.value.body);
  reportArticleUse(hit.id, 'copied');
  return article.value.title;
}
