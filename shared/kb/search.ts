import { z } from 'zod';
import { articleStatuses } from './article';

// The weak-match rule has no zod (the knowledge pane applies it from the first paint).
export { isWeakMatch, WEAK_MATCH_BELOW } from './weak-match';

/** What the knowledge pane asks while the operator types. */
export const kbSearchInputSchema = z.object({
  /** Anything typed or pasted; the engine reads the first 200 characters (a pasted page is not an error). */
  query: z.string().max(100_000),
  /** The caller's district when the ticket knows it: its local articles come before the city-wide ones. */
  district: z.string().max(40).nullable().optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
export type KbSearchInput = z.infer<typeof kbSearchInputSchema>;

export const kbHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.tuple([z.string(), z.string()]),
  scope: z.string(),
  department: z.string(),
  status: z.enum(articleStatuses),
  updatedAt: z.string(),
  /** The first lines of the answer script, for reading at a glance. */
  preview: z.string(),
  /** Query words (after synonyms) found in the article, for highlighting. */
  matched: z.array(z.string()),
  /** The caller phrasing (相似问) of the article that the query matched, when one did: part of the reason. */
  phrasing: z.string().optional(),
  /** Set when the centre's own work (articles opened, copied, marked 有用 for this query) lifted the article. */
  learned: z.boolean().optional(),
  /** The optional semantic model's cosine similarity of the query and the article, when the model ranked it. */
  semantic: z.number().min(-1).max(1).optional(),
  score: z.number(),
  /**
   * How much of the query (weighted by rarity, synonyms and sound-alikes counted) the article accounts for,
   * 0–1. Unlike `score`, which is relative to the query's best article, it says whether the match is good.
   */
  strength: z.number().min(0).max(1),
});
export type KbHit = z.infer<typeof kbHitSchema>;

export const kbVerdicts = ['helpful', 'outdated', 'wrong'] as const;

/** An operator's word on an article, for the KB editors at the hub. */
export const kbFeedbackInputSchema = z.object({
  articleId: z.string().min(1).max(40),
  verdict: z.enum(kbVerdicts),
  comment: z.string().trim().max(500, '意见最多 500 字'),
});
export type KbFeedbackInput = z.infer<typeof kbFeedbackInputSchema>;

/** Sort rule every engine (and the evaluation) follows: a current article always comes before an expired one. */
export function compareHits(a: Pick<KbHit, 'status' | 'score'>, b: Pick<KbHit, 'status' | 'score'>): number {
  const expired = Number(a.status === '已失效') - Number(b.status === '已失效');
  return expired !== 0 ? expired : b.score - a.score;
}
