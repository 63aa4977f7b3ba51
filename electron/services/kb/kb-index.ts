import type { Article } from '../../../shared/kb/article';
import { CITY_WIDE_SCOPE } from '../../../shared/kb/article';
import type { KbHit } from '../../../shared/kb/search';
import { compareHits } from '../../../shared/kb/search';
import { DistrictNames } from './districts';
import type { LearnedExpansions } from '../../../shared/kb/learned-expansions';
import type { SynonymExpander } from './synonyms';
import { indexTerms, queryTerms } from './text-analysis';
import { matchStrength, queryUnits } from './match-strength';

/** Field weights: a word in the title says far more about the article than one in the answer script. */
const FIELDS = [
  { name: 'title', weight: 3, sound: true, text: (a: Article) => a.title },
  { name: 'keywords', weight: 2.5, sound: true, text: (a: Article) => a.keywords.join(' ') },
  // How callers ask (相似问): the bridge from everyday words to the article's official ones.
  { name: 'phrasings', weight: 2, sound: true, text: (a: Article) => (a.phrasings ?? []).join(' ') },
  { name: 'category', weight: 1.2, sound: true, text: (a: Article) => a.category.join(' ') },
  { name: 'body', weight: 0.5, sound: false, text: (a: Article) => a.body },
] as const;
const K1 = 1.2;
const B = 0.6;
/** Extra words from synonyms count less than the operator's own. */
const SYNONYM_WEIGHT = 0.7;
const LOCAL_OF_CALLER = 1.8;
const LOCAL_ELSEWHERE = 0.3;
const LOCAL_WITHOUT_PLACE = 0.6;
/**
 * What the centre's learned expansions add: an article's learned share (0–1) times this much of the best
 * lexical score of the query, so learning re-orders close candidates and brings in articles the words miss,
 * without drowning a clear lexical answer.
 */
const LEARNED_WEIGHT = 0.5;
/** An article counts as brought or lifted by learning (and says so) above this share. */
const LEARNED_SHOWN = 0.05;

interface Posting {
  docs: Int32Array;
  weights: Float32Array;
  /** Bigram terms only: the plain BM25 weight of the bigram over the article's whole text, for the coverage channel. */
  plain?: Float32Array;
}

/**
 * The second, plain channel: how much of the query's own character bigrams (weighted by rarity) the whole
 * article contains, 0–1, added to the field-weighted score divided by the query's best. It keeps an
 * article whose body answers the caller's words in the race when no title, keyword or phrasing does — the
 * reason two-character chunks alone were a strong baseline. Weight chosen on dev fold A.
 */
const COVERAGE_WEIGHT = 0.5;
const PLAIN_K1 = 1.2;
const PLAIN_B = 0.75;

/**
 * The knowledge base's search index, in memory, rebuilt from the local
 * replica when articles change (50,000 articles build in seconds; see the kb
 * benchmark). BM25F over title, keywords, category and body, with the term
 * kinds of `text-analysis.ts`. Why not SQLite FTS5: its trigram tokenizer
 * cannot match the two-character words most Chinese queries are made of, and
 * the typo-tolerant pinyin and synonym terms would need a custom tokenizer in
 * C; an in-memory index built from the replica keeps the replica the source
 * of truth and answers a keystroke in about a millisecond.
 */
export class KbIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly idf = new Map<string, number>();
  private readonly scores: Float32Array;
  private readonly coverage: Float32Array;
  private readonly districts: DistrictNames;
  private readonly docOf = new Map<string, number>();
  private learned: LearnedExpansions | null = null;

  constructor(
    readonly articles: readonly Article[],
    private readonly synonyms: SynonymExpander,
  ) {
    this.scores = new Float32Array(articles.length);
    this.coverage = new Float32Array(articles.length);
    this.districts = new DistrictNames(articles.map((a) => a.scope).filter((s) => s !== CITY_WIDE_SCOPE));
    articles.forEach((a, doc) => this.docOf.set(a.id, doc));
    this.build();
  }

  /** Query → article expansions learned from operators' use of articles (null to search without them). */
  useLearned(learned: LearnedExpansions | null): void {
    this.learned = learned;
  }

  private build(): void {
    const perField = FIELDS.map((field) => this.articles.map((a) => indexTerms(field.text(a), field.sound)));
    const averageLength = perField.map((docs) => docs.reduce((sum, terms) => sum + sumOf(terms), 0) / Math.max(1, docs.length));
    const byTerm = new Map<string, { docs: number[]; weights: number[]; plain: number[] }>();
    // The plain channel's length of an article: all its bigrams, whatever the field (the fields' own terms hold them).
    const plainNorm = this.articles.map((_, doc) => {
      let length = 0;
      for (const fieldDocs of perField) for (const [term, tf] of fieldDocs[doc] ?? []) if (term.startsWith('b:')) length += tf;
      return length;
    });
    const plainAverage = plainNorm.reduce((sum, length) => sum + length, 0) / Math.max(1, plainNorm.length);
    this.articles.forEach((_, doc) => {
      const weights = new Map<string, number>();
      const plainTf = new Map<string, number>();
      FIELDS.forEach((field, f) => {
        const terms = perField[f]?.[doc] ?? new Map<string, number>();
        const norm = K1 * (1 - B + (B * sumOf(terms)) / (averageLength[f] || 1));
        for (const [term, tf] of terms) {
          weights.set(term, (weights.get(term) ?? 0) + (field.weight * tf) / (tf + norm));
          if (term.startsWith('b:')) plainTf.set(term, (plainTf.get(term) ?? 0) + tf);
        }
      });
      const norm = PLAIN_K1 * (1 - PLAIN_B + (PLAIN_B * (plainNorm[doc] ?? 0)) / (plainAverage || 1));
      for (const [term, weight] of weights) {
        let list = byTerm.get(term);
        if (!list) byTerm.set(term, (list = { docs: [], weights: [], plain: [] }));
        list.docs.push(doc);
        list.weights.push(weight);
        const tf = plainTf.get(term) ?? 0;
        if (tf) list.plain.push(tf / (tf + norm));
      }
    });
    const n = this.articles.length;
    for (const [term, list] of byTerm) {
      const posting: Posting = { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) };
      if (list.plain.length) posting.plain = Float32Array.from(list.plain);
      this.postings.set(term, posting);
      this.idf.set(term, Math.log(1 + (n - list.docs.length + 0.5) / (list.docs.length + 0.5)));
    }
  }

  search(query: string, options: { district?: string | null; limit?: number } = {}): KbHit[] {
    const text = query.trim().slice(0, 200);
    if (!text) return [];
    const limit = options.limit ?? 10;
    const own = queryTerms(text);
    const terms = [...own, ...this.synonyms.expansions(text).flatMap((extra) => queryTerms(extra, SYNONYM_WEIGHT))];
    const touched: number[] = [];
    const scores = this.scores;
    const coverage = this.coverage;
    // The coverage channel reads the operator's own bigrams only, not the synonyms' ones.
    const ownBigrams = new Set(own.filter((t) => t.term.startsWith('b:')).map((t) => t.term));
    let coverageMax = 0;
    for (const { term, weight } of dedupe(terms)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf.get(term) ?? 0;
      const factor = weight * idf;
      const { docs, weights } = posting;
      const plain = ownBigrams.has(term) ? posting.plain : undefined;
      if (plain) coverageMax += idf;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] ?? 0;
        const before = scores[doc] ?? 0;
        if (before === 0) touched.push(doc);
        scores[doc] = before + factor * (weights[i] ?? 0);
        if (plain) coverage[doc] = (coverage[doc] ?? 0) + idf * (plain[i] ?? 0);
      }
    }
    let top = 0;
    for (const doc of touched) top = Math.max(top, scores[doc] ?? 0);
    const lifted = this.addLearned(text, touched, top);
    for (const id of lifted) top = Math.max(top, scores[this.docOf.get(id) ?? 0] ?? 0);
    const coverageScale = coverageMax > 0 ? COVERAGE_WEIGHT / coverageMax : 0;
    const district = this.districts.mentionedIn(text) ?? options.district ?? null;
    // Keep only the best `limit` (current first, then expired) instead of sorting every touched article:
    // a common character touches tens of thousands of them at 50,000 articles.
    const best: { article: Article; score: number; status: Article['status'] }[] = [];
    for (const doc of touched) {
      const article = this.articles[doc];
      const fused = (scores[doc] ?? 0) / (top || 1) + (coverage[doc] ?? 0) * coverageScale;
      const score = fused * (article ? placeFactor(article.scope, district) : 0);
      scores[doc] = 0;
      coverage[doc] = 0;
      if (!article) continue;
      const candidate = { article, score, status: article.status };
      const last = best[best.length - 1];
      if (best.length >= limit && last && compareHits(candidate, last) >= 0) continue;
      let at = best.length;
      for (let above = best[at - 1]; above && compareHits(candidate, above) < 0; above = best[at - 1]) at--;
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
    // Highlight whole words and bigrams; the pinyin stretches of a typo would mark half-words.
    const surfaces = [...new Set(terms.filter((t) => !t.term.startsWith('p:')).map((t) => t.surface).filter((s) => s.length >= 2))];
    const units = queryUnits(text, this.synonyms.bridges(text), (term) => this.idf.get(term), this.rarest);
    return best.map(({ article, score }) => {
      const doc = this.docOf.get(article.id) ?? -1;
      const strength = matchStrength(units, (term) => this.holds(term, doc));
      return toHit(article, score, surfaces, lifted.has(article.id), strength);
    });
  }

  /** Whether the article holds the term in any field (postings are in article order). */
  private holds(term: string, doc: number): boolean {
    const docs = this.postings.get(term)?.docs;
    if (!docs) return false;
    let low = 0;
    let high = docs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = docs[middle] ?? 0;
      if (at === doc) return true;
      if (at < doc) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  /** The rarity of a term found in one article only: what a term no article holds weighs in the match strength. */
  private get rarest(): number {
    const n = this.articles.length;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  /** Adds the learned expansions of the query to the scores; returns the ids they lifted noticeably. */
  private addLearned(text: string, touched: number[], top: number): Set<string> {
    const lifted = new Set<string>();
    const expansions = this.learned?.expand(text);
    if (!expansions?.size) return lifted;
    // A query whose words match nothing still has a scale: the weight of one strong word.
    const scale = LEARNED_WEIGHT * (top || 5);
    for (const [id, share] of expansions) {
      const doc = this.docOf.get(id);
      if (doc === undefined) continue;
      const before = this.scores[doc] ?? 0;
      if (before === 0) touched.push(doc);
      this.scores[doc] = before + scale * share;
      if (share >= LEARNED_SHOWN) lifted.add(id);
    }
    return lifted;
  }
}

function placeFactor(scope: string, district: string | null): number {
  if (scope === CITY_WIDE_SCOPE) return 1;
  if (district === null) return LOCAL_WITHOUT_PLACE;
  return scope === district ? LOCAL_OF_CALLER : LOCAL_ELSEWHERE;
}

function dedupe(terms: { term: string; weight: number; surface: string }[]): { term: string; weight: number; surface: string }[] {
  const best = new Map<string, { term: string; weight: number; surface: string }>();
  for (const t of terms) if ((best.get(t.term)?.weight ?? 0) < t.weight) best.set(t.term, t);
  return [...best.values()];
}

function sumOf(terms: Map<string, number>): number {
  let total = 0;
  for (const count of terms.values()) total += count;
  return total;
}

function toHit(article: Article, score: number, surfaces: string[], learned: boolean, strength: number): KbHit {
  const haystack = `${article.title} ${article.keywords.join(' ')} ${article.body}`;
  const phrasing = bestPhrasing(article, surfaces);
  return {
    id: article.id,
    title: article.title,
    category: article.category,
    scope: article.scope,
    department: article.department,
    status: article.status,
    updatedAt: article.updated_at,
    preview: article.body.replace(/\n+/gu, ' ').slice(0, 120),
    matched: surfaces.filter((s) => haystack.includes(s) || phrasing?.includes(s)),
    ...(phrasing ? { phrasing } : {}),
    ...(learned ? { learned } : {}),
    score: Math.round(score * 1000) / 1000,
    strength: Math.round(strength * 1000) / 1000,
  };
}

/** The caller phrasing sharing the most query words, shown as the reason when the article's own text does not. */
function bestPhrasing(article: Article, surfaces: readonly string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const phrasing of article.phrasings ?? []) {
    let count = 0;
    for (const s of surfaces) if (phrasing.includes(s)) count += s.length;
    if (count > bestCount) {
      best = phrasing;
      bestCount = count;
    }
  }
  return best;
}
