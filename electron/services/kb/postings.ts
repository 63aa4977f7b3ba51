import fs from 'node:fs';

/** One term's entries: the articles holding it and their field-weighted BM25 weights. */
export interface Posting {
  docs: Int32Array;
  weights: Float32Array;
  /** Bigram terms only: the plain BM25 weight of the bigram over the article's whole text, for the coverage channel. */
  plain?: Float32Array;
}

/**
 * The index's term table in compressed-row form: term number `t` owns entries
 * `starts[t]` to `starts[t + 1]` of three parallel arrays (article, weight,
 * plain weight). The same layout lives in memory after a build and in the
 * saved file, so saving is three writes and opening reads only the table.
 */
export interface PostingTable {
  readonly starts: Int32Array;
  readonly idf: Float32Array;
}

/** Finds a term's number. */
export interface TermNumbers {
  numberOf(term: string): number | undefined;
}

/** A fresh build's terms, by number, looked up through a map. */
export class TermList implements TermNumbers {
  private readonly numbers = new Map<string, number>();

  constructor(readonly terms: readonly string[]) {
    terms.forEach((term, t) => this.numbers.set(term, t));
  }

  numberOf(term: string): number | undefined {
    return this.numbers.get(term);
  }
}

/**
 * A saved index's terms as they lie in the file: their UTF-8 bytes in byte
 * order, each one's start in `offsets` and its number in `numbers`. A term is
 * found by binary search over the bytes, so opening decodes no string.
 */
export class SortedTerms implements TermNumbers {
  constructor(
    private readonly bytes: Buffer,
    private readonly offsets: Int32Array,
    private readonly numbers: Int32Array,
  ) {}

  /** The terms' bytes, offsets and numbers in byte order, as `SortedTerms` reads them. */
  static layout(terms: readonly string[]): { bytes: Buffer; offsets: Int32Array; numbers: Int32Array } {
    const encoded = terms.map((term) => Buffer.from(term, 'utf8'));
    const order = Int32Array.from(terms, (_, t) => t).sort((a, b) => Buffer.compare(encoded[a] ?? Buffer.alloc(0), encoded[b] ?? Buffer.alloc(0)));
    const offsets = new Int32Array(terms.length + 1);
    order.forEach((t, i) => (offsets[i + 1] = (offsets[i] ?? 0) + (encoded[t]?.length ?? 0)));
    return { bytes: Buffer.concat(Array.from(order, (t) => encoded[t] ?? Buffer.alloc(0))), offsets, numbers: order };
  }

  numberOf(term: string): number | undefined {
    const key = Buffer.from(term, 'utf8');
    let low = 0;
    let high = this.numbers.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      // Compares the stored term with the key.
      const order = this.bytes.compare(key, 0, key.length, this.offsets[middle] ?? 0, this.offsets[middle + 1] ?? 0);
      if (order === 0) return this.numbers[middle];
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

export interface PostingSource {
  /** The term's rarity; undefined for a term no article holds. */
  idfOf(term: string): number | undefined;
  postingOf(term: string): Posting | undefined;
  close(): void;
}

/** Postings held in memory (a fresh build). */
export class MemoryPostings implements PostingSource {
  readonly terms: TermList;

  constructor(
    terms: readonly string[],
    readonly table: PostingTable,
    readonly docs: Int32Array,
    readonly weights: Float32Array,
    readonly plain: Float32Array,
  ) {
    this.terms = new TermList(terms);
  }

  idfOf(term: string): number | undefined {
    const t = this.terms.numberOf(term);
    return t === undefined ? undefined : this.table.idf[t];
  }

  postingOf(term: string): Posting | undefined {
    const t = this.terms.numberOf(term);
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
  private readonly cache = new Map<string, Posting>();
  private cachedEntries = 0;

  constructor(
    private readonly terms: TermNumbers,
    readonly table: PostingTable,
    private readonly fd: number,
    /** File offsets of the three entry arrays. */
    private readonly at: { docs: number; weights: number; plain: number },
  ) {}

  idfOf(term: string): number | undefined {
    const t = this.terms.numberOf(term);
    return t === undefined ? undefined : this.table.idf[t];
  }

  postingOf(term: string): Posting | undefined {
    const cached = this.cache.get(term);
    if (cached) {
      this.cache.delete(term);
      this.cache.set(term, cached);
      return cached;
    }
    const t = this.terms.numberOf(term);
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
