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

const HAN_RUN = /[\u3400-\u9fff]+/gu;
const ASCII_WORD = /[a-z0-9]+/gu;

/**
 * The learning keys of a query: its words (two characters or more), the character bigrams of its Chinese and
 * its ASCII words, as the desk's search reads a query (`w:` and `b:` terms). The hub trains with the same
 * function and the same jieba dictionary as the desks, so a key learned there is the key a desk looks up.
 * `cut` is jieba's precise mode with HMM (`cut(text, true)`).
 */
export function learningKeysWith(cut: (text: string) => string[]): (query: string) => string[] {
  return (query) => {
    const lower = query.trim().slice(0, 200).toLowerCase();
    const keys = new Set<string>();
    for (const word of cut(lower)) if (/[\u3400-\u9fff]/u.test(word) && word.length >= 2) keys.add(`w:${word}`);
    for (const run of lower.match(HAN_RUN) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) keys.add(`b:${run.slice(i, i + 2)}`);
      if (run.length === 1) keys.add(`w:${run}`);
    }
    for (const word of lower.match(ASCII_WORD) ?? []) keys.add(`w:${word}`);
    return [...keys];
  };
}

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

  /** Keys with too little evidence to count (see `expand`) are left out; `maxKeys` keeps the best-evidenced ones. */
  snapshot(version = this.version, maxKeys = Infinity): LearnedExpansionsSnapshot {
    const rows = [...this.keys].map(([key, row]) => ({ key, row, total: [...row.values()].reduce((a, b) => a + b, 0) })).filter((r) => r.total >= MIN_EVIDENCE);
    if (rows.length > maxKeys) rows.sort((a, b) => b.total - a.total).splice(maxKeys);
    const keys: Record<string, [string, number][]> = {};
    for (const { key, row } of rows) keys[key] = [...row].sort((a, b) => b[1] - a[1]).slice(0, 50);
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
