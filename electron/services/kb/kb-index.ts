import type { Article } from '../../../shared/kb/article';
import { articleStatuses, CITY_WIDE_SCOPE } from '../../../shared/kb/article';
import type { KbHit } from '../../../shared/kb/search';
import { compareHits } from '../../../shared/kb/search';
import { DistrictNames } from './districts';
import type { LearnedExpansions } from '../../../shared/kb/learned-expansions';
import type { SynonymTable } from './synonyms';
import { SynonymExpander } from './synonyms';
import type { PostingSource } from './postings';
import { MemoryPostings } from './postings';
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
 * What scoring needs of each article without reading it, by article number:
 * its scope (a number into `scopeNames`) and status (a number into
 * `articleStatuses`) in typed arrays, and its id, read only for the hits shown.
 */
export interface DocTable {
  readonly count: number;
  /** The distinct scopes, in the order the articles first name them. */
  readonly scopeNames: readonly string[];
  readonly scopeOf: Uint16Array;
  readonly statusOf: Uint8Array;
  id(doc: number): string | undefined;
}

/** The doc table of articles in memory. */
export function docTable(articles: readonly Pick<Article, 'id' | 'scope' | 'status'>[]): DocTable & { ids: readonly string[] } {
  const scopeNumbers = new Map<string, number>();
  const scopeOf = new Uint16Array(articles.length);
  articles.forEach((a, doc) => {
    let s = scopeNumbers.get(a.scope);
    if (s === undefined) {
      s = scopeNumbers.size;
      if (s > 0xffff) throw new Error('more than 65,536 distinct article scopes');
      scopeNumbers.set(a.scope, s);
    }
    scopeOf[doc] = s;
  });
  const ids = articles.map((a) => a.id);
  return {
    count: articles.length,
    scopeNames: [...scopeNumbers.keys()],
    scopeOf,
    statusOf: Uint8Array.from(articles, (a) => articleStatuses.indexOf(a.status)),
    ids,
    id: (doc) => ids[doc],
  };
}

/**
 * The knowledge base's search index, rebuilt from the local replica when
 * articles change (on a worker thread, see `kb-saved-index.ts`) and saved to
 * disk, so the desk answers from the saved one at once after a start. BM25F
 * over title, keywords, category and body, with the term kinds of
 * `text-analysis.ts`. Why not SQLite FTS5: its trigram tokenizer cannot match
 * the two-character words most Chinese queries are made of, and the
 * typo-tolerant pinyin and synonym terms would need a custom tokenizer in C;
 * an index built from the replica keeps the replica the source of truth and
 * answers a keystroke in about a millisecond.
 */
export class KbIndex {
  private readonly scores: Float32Array;
  private readonly coverage: Float32Array;
  private readonly districts: DistrictNames;
  /** Article number by id, for the learned expansions (made the first time they are used). */
  private docOf: Map<string, number> | null = null;
  private readonly expander: SynonymExpander;
  private learned: LearnedExpansions | null = null;

  constructor(
    readonly docs: DocTable,
    readonly postings: PostingSource,
    readonly synonyms: SynonymTable,
    /** The article behind a hit (read only for the hits shown); undefined when it has gone since the index was built. */
    private readonly articleOf: (doc: number) => Article | undefined,
  ) {
    this.scores = new Float32Array(docs.count);
    this.coverage = new Float32Array(docs.count);
    this.districts = new DistrictNames(docs.scopeNames.filter((s) => s !== CITY_WIDE_SCOPE));
    this.expander = new SynonymExpander(synonyms);
  }

  /** Indexes the articles in memory. */
  static build(articles: readonly Article[], synonyms: SynonymTable): KbIndex {
    return new KbIndex(docTable(articles), buildPostings(articles), synonyms, (doc) => articles[doc]);
  }

  get size(): number {
    return this.docs.count;
  }

  /** Query → article expansions learned from operators' use of articles (null to search without them). */
  useLearned(learned: LearnedExpansions | null): void {
    this.learned = learned;
  }

  close(): void {
    this.postings.close();
  }

  /** The district a query is about: one it names, else the caller's (null: neither). */
  placeOf(query: string, district: string | null): string | null {
    return this.districts.mentionedIn(query.slice(0, 200)) ?? district;
  }

  search(query: string, options: { district?: string | null; limit?: number } = {}): KbHit[] {
    const text = query.trim().slice(0, 200);
    if (!text) return [];
    const limit = options.limit ?? 10;
    const own = queryTerms(text);
    const terms = [...own, ...this.expander.expansions(text).flatMap((extra) => queryTerms(extra, SYNONYM_WEIGHT))];
    const touched: number[] = [];
    const scores = this.scores;
    const coverage = this.coverage;
    // The coverage channel reads the operator's own bigrams only, not the synonyms' ones.
    const ownBigrams = new Set(own.filter((t) => t.term.startsWith('b:')).map((t) => t.term));
    let coverageMax = 0;
    for (const { term, weight } of dedupe(terms)) {
      const posting = this.postings.postingOf(term);
      if (!posting) continue;
      const idf = this.postings.idfOf(term) ?? 0;
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
    for (const id of lifted) top = Math.max(top, scores[this.docOf?.get(id) ?? 0] ?? 0);
    const coverageScale = coverageMax > 0 ? COVERAGE_WEIGHT / coverageMax : 0;
    const district = this.districts.mentionedIn(text) ?? options.district ?? null;
    // Keep only the best `limit` (current first, then expired) instead of sorting every touched article:
    // a common character touches tens of thousands of them at 50,000 articles.
    const best: { doc: number; score: number; status: Article['status'] }[] = [];
    const { scopeNames, scopeOf, statusOf } = this.docs;
    for (const doc of touched) {
      const fused = (scores[doc] ?? 0) / (top || 1) + (coverage[doc] ?? 0) * coverageScale;
      const scope = scopeNames[scopeOf[doc] ?? -1];
      const score = scope === undefined ? 0 : fused * placeFactor(scope, district);
      scores[doc] = 0;
      coverage[doc] = 0;
      const status = articleStatuses[statusOf[doc] ?? -1];
      if (status === undefined) continue;
      const candidate = { doc, score, status };
      const last = best[best.length - 1];
      if (best.length >= limit && last && compareHits(candidate, last) >= 0) continue;
      let at = best.length;
      for (let above = best[at - 1]; above && compareHits(candidate, above) < 0; above = best[at - 1]) at--;
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
    // Highlight whole words and bigrams; the pinyin stretches of a typo would mark half-words.
    const surfaces = [...new Set(terms.filter((t) => !t.term.startsWith('p:')).map((t) => t.surface).filter((s) => s.length >= 2))];
    const units = queryUnits(text, this.expander.bridges(text), (term) => this.postings.idfOf(term), this.rarest);
    const hits: KbHit[] = [];
    for (const { doc, score } of best) {
      const article = this.articleOf(doc);
      if (!article) continue;
      const strength = matchStrength(units, (term) => this.holds(term, doc));
      hits.push(toHit(article, score, surfaces, lifted.has(article.id), strength));
    }
    return hits;
  }

  /** Whether the article holds the term in any field (postings are in article order). */
  private holds(term: string, doc: number): boolean {
    const docs = this.postings.postingOf(term)?.docs;
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
    const n = this.docs.count;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  /** Adds the learned expansions of the query to the scores; returns the ids they lifted noticeably. */
  private addLearned(text: string, touched: number[], top: number): Set<string> {
    const lifted = new Set<string>();
    const expansions = this.learned?.expand(text);
    if (!expansions?.size) return lifted;
    // A query whose words match nothing still has a scale: the weight of one strong word.
    const scale = LEARNED_WEIGHT * (top || 5);
    this.docOf ??= this.articleNumbers();
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

  private articleNumbers(): Map<string, number> {
    const numbers = new Map<string, number>();
    for (let doc = 0; doc < this.docs.count; doc++) {
      const id = this.docs.id(doc);
      if (id !== undefined) numbers.set(id, doc);
    }
    return numbers;
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

/** A typed array that grows by doubling: the build's entries without a JavaScript array of boxed numbers each. */
class Growing<T extends Int32Array | Float32Array> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
}

const ints = (size: number): Int32Array => new Int32Array(size);
const floats = (size: number): Float32Array => new Float32Array(size);

/**
 * The postings of the articles. Each article's fields are analysed once and
 * kept as (term number, count) pairs in typed arrays; the weights are then
 * summed per article in a scratch array indexed by term number and written
 * out in compressed-row form. No map or array per article or per term
 * survives the article, which is what made the build slow (mostly garbage
 * collection) at 50,000 articles.
 */
function buildPostings(articles: readonly Article[]): MemoryPostings {
  const numbers = new Map<string, number>();
  const terms: string[] = [];
  const numberOf = (term: string): number => {
    let t = numbers.get(term);
    if (t === undefined) {
      t = terms.length;
      numbers.set(term, t);
      terms.push(term);
    }
    return t;
  };
  const n = articles.length;
  const fieldCount = FIELDS.length;
  // Per (article, field): where its pairs start in termPairs/countPairs, and its length in terms.
  const pairStart = new Int32Array(n * fieldCount + 1);
  const fieldLength = new Float64Array(n * fieldCount);
  const plainLength = new Float64Array(n);
  const pairTerms = new Growing(new Int32Array(1 << 16), ints);
  const pairCounts = new Growing(new Int32Array(1 << 16), ints);
  const lengthSums = new Float64Array(fieldCount);
  for (let doc = 0; doc < n; doc++) {
    const article = articles[doc];
    if (!article) continue;
    for (let f = 0; f < fieldCount; f++) {
      const field = FIELDS[f];
      if (!field) continue;
      const cell = doc * fieldCount + f;
      pairStart[cell] = pairTerms.length;
      let length = 0;
      for (const [term, tf] of indexTerms(field.text(article), field.sound)) {
        pairTerms.push(numberOf(term));
        pairCounts.push(tf);
        length += tf;
        if (term.startsWith('b:')) plainLength[doc] = (plainLength[doc] ?? 0) + tf;
      }
      fieldLength[cell] = length;
      lengthSums[f] = (lengthSums[f] ?? 0) + length;
    }
  }
  pairStart[n * fieldCount] = pairTerms.length;
  const averageLength = Array.from(lengthSums, (sum) => sum / Math.max(1, n) || 1);
  let plainTotal = 0;
  for (const length of plainLength) plainTotal += length;
  const plainAverage = plainTotal / Math.max(1, n) || 1;
  const bigram = Uint8Array.from(terms, (term) => Number(term.startsWith('b:')));

  // Per article: sum the fields' weights per term, then emit one entry per term the article holds.
  const weightOf = new Float64Array(terms.length);
  const plainTfOf = new Float64Array(terms.length);
  const entryTerm = new Growing(new Int32Array(1 << 16), ints);
  const entryDoc = new Growing(new Int32Array(1 << 16), ints);
  const entryWeight = new Growing(new Float32Array(1 << 16), floats);
  const entryPlain = new Growing(new Float32Array(1 << 16), floats);
  const touched: number[] = [];
  for (let doc = 0; doc < n; doc++) {
    for (let f = 0; f < fieldCount; f++) {
      const field = FIELDS[f];
      if (!field) continue;
      const cell = doc * fieldCount + f;
      const norm = K1 * (1 - B + (B * (fieldLength[cell] ?? 0)) / (averageLength[f] ?? 1));
      for (let p = pairStart[cell] ?? 0, end = pairStart[cell + 1] ?? 0; p < end; p++) {
        const t = pairTerms.array[p] ?? 0;
        const tf = pairCounts.array[p] ?? 0;
        if (weightOf[t] === 0) touched.push(t);
        weightOf[t] = (weightOf[t] ?? 0) + (field.weight * tf) / (tf + norm);
        if (bigram[t]) plainTfOf[t] = (plainTfOf[t] ?? 0) + tf;
      }
    }
    const norm = PLAIN_K1 * (1 - PLAIN_B + (PLAIN_B * (plainLength[doc] ?? 0)) / plainAverage);
    for (const t of touched) {
      const tf = plainTfOf[t] ?? 0;
      entryTerm.push(t);
      entryDoc.push(doc);
      entryWeight.push(weightOf[t] ?? 0);
      entryPlain.push(tf ? tf / (tf + norm) : 0);
      weightOf[t] = 0;
      plainTfOf[t] = 0;
    }
    touched.length = 0;
  }

  // Compressed rows: count per term, then place each entry (articles stay in ascending order within a term).
  const starts = new Int32Array(terms.length + 1);
  for (let e = 0; e < entryTerm.length; e++) {
    const next = (entryTerm.array[e] ?? 0) + 1;
    starts[next] = (starts[next] ?? 0) + 1;
  }
  for (let t = 0; t < terms.length; t++) starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0);
  const fill = starts.slice(0, terms.length);
  const docs = new Int32Array(entryTerm.length);
  const weights = new Float32Array(entryTerm.length);
  const plain = new Float32Array(entryTerm.length);
  for (let e = 0; e < entryTerm.length; e++) {
    const t = entryTerm.array[e] ?? 0;
    const at = fill[t] ?? 0;
    fill[t] = at + 1;
    docs[at] = entryDoc.array[e] ?? 0;
    weights[at] = entryWeight.array[e] ?? 0;
    plain[at] = entryPlain.array[e] ?? 0;
  }
  const idf = Float32Array.from(terms, (_, t) => {
    const df = (starts[t + 1] ?? 0) - (starts[t] ?? 0);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
  return new MemoryPostings(terms, { starts, idf }, docs, weights, plain);
}

export function toHit(article: Article, score: number, surfaces: string[], learned: boolean, strength: number): KbHit {
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
