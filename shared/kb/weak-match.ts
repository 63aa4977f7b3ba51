/**
 * Below this strength the best article is not a good answer: the pane says nothing matches well and offers
 * to widen the search or register a new matter. Chosen on the development queries (answerable ones and
 * questions outside the knowledge base written for the purpose, test/data/kb-no-match-dev.jsonl); `npm run
 * kb:eval` reports the share of queries it flags (`weak_share`) on any query file, the held-out ones included.
 */
export const WEAK_MATCH_BELOW = 0.4;

/** Whether the results answer the query well: a best article strong enough, or one the centre's own work put there. */
export function isWeakMatch(hits: readonly { strength: number; learned?: boolean; status: string }[]): boolean {
  const best = hits.find((hit) => hit.status !== '已失效');
  if (!best) return true;
  return !best.learned && best.strength < WEAK_MATCH_BELOW;
}
