import type { KbHit } from '../../../../shared/kb/search';
import { compareHits } from '../../../../shared/kb/search';
import type { NearArticle } from './article-vectors';

/**
 * Reciprocal-rank fusion's constant: an article's share from a list is 1 / (K + rank). 60 is the value of
 * Cormack, Clarke and Büttcher (2009), used as it is: the model is the centre's choice and its quality cannot
 * be measured on the desk, so nothing here is tuned to one.
 */
const K = 60;

/**
 * Fuses the lexical hits with the semantic neighbours by reciprocal rank: ranks, not scores, so the two
 * scales never need calibrating against each other, and an article both rankings place high comes first.
 * `hitOf` makes the hit of an article that only the model found (null when it is gone). Scores are rescaled so
 * the best is 1, like the lexical ranking's; a current article still always comes before an expired one.
 */
export function fuseRankings(lexical: readonly KbHit[], semantic: readonly NearArticle[], limit: number, hitOf: (id: string) => KbHit | null): KbHit[] {
  const fused = new Map<string, { hit: KbHit | null; score: number; similarity?: number }>();
  lexical.forEach((hit, rank) => fused.set(hit.id, { hit, score: 1 / (K + rank + 1) }));
  semantic.forEach(({ id, similarity }, rank) => {
    const share = 1 / (K + rank + 1);
    const entry = fused.get(id);
    if (entry) {
      entry.score += share;
      entry.similarity = similarity;
    } else fused.set(id, { hit: null, score: share, similarity });
  });
  const top = Math.max(0, ...[...fused.values()].map((e) => e.score));
  const hits: KbHit[] = [];
  for (const [id, entry] of fused) {
    const hit = entry.hit ?? hitOf(id);
    if (!hit) continue;
    const similarity = entry.similarity === undefined ? {} : { semantic: Math.round(Math.max(-1, Math.min(1, entry.similarity)) * 1000) / 1000 };
    hits.push({ ...hit, ...similarity, score: Math.round((entry.score / (top || 1)) * 1000) / 1000 });
  }
  return hits.sort(compareHits).slice(0, limit);
}
