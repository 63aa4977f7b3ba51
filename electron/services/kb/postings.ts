import fs from 'node:fs';

/** One term's entries: the articles holding it and their field-weighted BM25 weights. */
export interface Posting {
  docs: Int32Array;
  weights: Float32Array;
  /** Bigram terms only: the plain BM25 weight of the bigram over the article's whole text, for the coverage channel. */
  plain?: Float32Array;
}

/**
 * The index's term table in compressed-row form: term `t` owns entries
 * `starts[t]` to `starts[t + 1]` of three parallel arrays (article, weight,
 * plain weight). The same layout lives in memory after a build and in the
 * saved file, so saving is three writes and opening reads only the table.
 */
export interface PostingTable {
  readonly terms: readonly string[];
  readonly starts: Int32Array;
  readonly idf: Float32Array;
}

export interface PostingSource {
  readonly table: PostingTable;
  /** The term's rarity; undefined for a term no article holds. */
  idfOf(term: string): number | undefined;
  postingOf(term: string): Posting | undefined;
  close(): void;
}

function termNumbers(terms: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  terms.forEach((term, t) => numbers.set(term, t));
  return numbers;
}

/** Postings held in memory (a fresh build). */
export class MemoryPostings implements PostingSource {
  private readonly numbers: Map<string, number>;

  constructor(
    readonly table: PostingTable,
    readonly docs: Int32Array,
    readonly weights: Float32Array,
    readonly plain: Float32Array,
  ) {
    this.numbers = termNumbers(table.terms);
  }

  idfOf(term: string): number | undefined {
    const t = this.numbers.get(term);
    return t === undefined ? undefined : this.table.idf[t];
  }

  postingOf(term: string): Posting | undefined {
    const t = this.numbers.get(term);
    if (t === undefined) return undefined;
    const from = this.table.starts[t] ?? 0;
    const to = this.table.starts[t + 1] ?? from;
    const posting: Posting = { docs: this.docs.subarray(from, to), weights: this.weights.subarray(from, to) };
    if (term.startsWith('b:')) posting.plain = this.plain.subarray(from, to);
    return posting;
  }

  close(): void {
    // Nothing to release: the arrays go with the index.
  }
}

/** Entries kept from recent reads of a saved index (each entry is 12 bytes): about 24 MB at most. */
const CACHED_ENTRIES = 2_000_000;

/**
 * Postings read from a saved index file term by term, as queries need them:
 * opening reads only the term table, so a saved index of 50,000 articles
 * answers within milliseconds of start. Recently read terms stay in a cache
 * bounded by entries.
 */
export class FilePostings implements PostingSource {
  private readonly numbers: Map<string, number>;
  private readonly cache = new Map<string, Posting>();
  private cachedEntries = 0;

  constructor(
    readonly table: PostingTable,
    private readonly fd: number,
    /** File offsets of the three entry arrays. */
    private readonly at: { docs: number; weights: number; plain: number },
  ) {
    this.numbers = termNumbers(table.terms);
  }

  idfOf(term: string): number | undefined {
    const t = this.numbers.get(term);
    return t === undefined ? undefined : this.table.idf[t];
  }

  postingOf(term: string): Posting | undefined {
    const cached = this.cache.get(term);
    if (cached) {
      this.cache.delete(term);
      this.cache.set(term, cached);
      return cached;
    }
    const t = this.numbers.get(term);
    if (t === undefined) return undefined;
    const from = this.table.starts[t] ?? 0;
    const count = (this.table.starts[t + 1] ?? from) - from;
    const posting: Posting = { docs: this.read(new Int32Array(count), this.at.docs + from * 4), weights: this.read(new Float32Array(count), this.at.weights + from * 4) };
    if (term.startsWith('b:')) posting.plain = this.read(new Float32Array(count), this.at.plain + from * 4);
    this.cache.set(term, posting);
    this.cachedEntries += count;
    for (const [old, entry] of this.cache) {
      if (this.cachedEntries <= CACHED_ENTRIES) break;
      this.cache.delete(old);
      this.cachedEntries -= entry.docs.length;
    }
    return posting;
  }

  private read<T extends Int32Array | Float32Array>(into: T, position: number): T {
    const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
    let done = 0;
    while (done < bytes.length) {
      const n = fs.readSync(this.fd, bytes, done, bytes.length - done, position + done);
      if (n === 0) throw new Error('saved knowledge index is shorter than its term table says');
      done += n;
    }
    return into;
  }

  close(): void {
    this.cache.clear();
    fs.closeSync(this.fd);
  }
}
