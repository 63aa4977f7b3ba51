import { z } from 'zod';

/**
 * Query → article expansions learned from the centre's own work: which article an operator opened,
 * copied into a ticket or marked 有用 after typing a query. Kept per query word (and character bigram),
 * not per whole query, so what one operator's 讨工钱 taught also helps the next one's 工钱没给.
 *
 * Pure: the word splitter is injected (the desk's search uses its own query terms), the hub aggregates
 * the desks' events and ships a snapshot, and the search adds the learned articles beside its own ranking.
 */

export const kbUseKinds = ['opened', 'copied', 'helpful'] as const;
export type KbUseKind = (typeof kbUseKinds)[number];

/** How much each kind of use says about the article answering the query. */
const USE_WEIGHT: Record<KbUseKind, number> = { opened: 1, copied: 2, helpful: 3 };
/** A word needs this much evidence in total before it expands anything (one stray click is not a lesson). */
const MIN_EVIDENCE = 2;

export interface KbUse {
  query: string;
  articleId: string;
  kind: KbUseKind;
}

export const learnedExpansionsSnapshotSchema = z.object({
  version: z.number().int().nonnegative(),
  /** Query key (a word or bigram term of the search) → [article id, accumulated weight] pairs. */
  keys: z.record(z.string().max(60), z.array(z.tuple([z.string().max(40), z.number().nonnegative()])).max(50)),
});
export type LearnedExpansionsSnapshot = z.infer<typeof learnedExpansionsSnapshotSchema>;

export class LearnedExpansions {
  private readonly keys = new Map<string, Map<string, number>>();

  constructor(
    private readonly keysOf: (query: string) => string[],
    public version = 0,
  ) {}

  static fromSnapshot(snapshot: LearnedExpansionsSnapshot, keysOf: (query: string) => string[]): LearnedExpansions {
    const learned = new LearnedExpansions(keysOf, snapshot.version);
    for (const [key, pairs] of Object.entries(snapshot.keys)) learned.keys.set(key, new Map(pairs));
    return learned;
  }

  snapshot(version = this.version): LearnedExpansionsSnapshot {
    const keys: Record<string, [string, number][]> = {};
    for (const [key, row] of this.keys) keys[key] = [...row].sort((a, b) => b[1] - a[1]).slice(0, 50);
    return { version, keys };
  }

  record(use: KbUse): void {
    for (const key of new Set(this.keysOf(use.query))) {
      let row = this.keys.get(key);
      if (!row) this.keys.set(key, (row = new Map<string, number>()));
      row.set(use.articleId, (row.get(use.articleId) ?? 0) + USE_WEIGHT[use.kind]);
    }
  }

  /**
   * Articles the query's words led operators to, each with a share in 0–1: per word, the article's part of
   * that word's evidence, weighted by how specific the word is (a word that led to many articles says less),
   * averaged over the query's words that have evidence.
   */
  expand(query: string): Map<string, number> {
    const out = new Map<string, number>();
    const keys = [...new Set(this.keysOf(query))];
    let counted = 0;
    for (const key of keys) {
      const row = this.keys.get(key);
      if (!row) continue;
      let total = 0;
      for (const w of row.values()) total += w;
      if (total < MIN_EVIDENCE) continue;
      counted += 1;
      const specificity = 1 / Math.sqrt(row.size);
      for (const [id, w] of row) out.set(id, (out.get(id) ?? 0) + (w / total) * specificity);
    }
    if (counted > 0) for (const [id, v] of out) out.set(id, v / Math.max(counted, keys.length / 2));
    return out;
  }
}
