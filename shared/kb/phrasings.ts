import { z } from 'zod';
import type { Article } from './article';

/** The shipped caller phrasings (相似问) per article id, for articles that carry none of their own. */
export const phrasingTableSchema = z.object({
  version: z.number().int(),
  articles: z.record(z.string().min(1).max(40), z.array(z.string().trim().min(1).max(60)).max(50)),
});
export type PhrasingTable = z.infer<typeof phrasingTableSchema>;

export const EMPTY_PHRASINGS: PhrasingTable = { version: 0, articles: {} };

/**
 * Fills in the shipped phrasings of articles that have no `phrasings` field. An article that has the field
 * (even empty: an editor removed them all) keeps its own, so an editor's edit always wins over the seed.
 */
export function withShippedPhrasings(articles: readonly Article[], table: PhrasingTable): Article[] {
  return articles.map((article) => {
    if (article.phrasings !== undefined) return article;
    const shipped = table.articles[article.id];
    return shipped ? { ...article, phrasings: shipped } : article;
  });
}
