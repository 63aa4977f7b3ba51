import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Article } from '../../../shared/kb/article';
import type { DocTable } from './kb-index';
import { KbIndex } from './kb-index';
import type { PostingTable } from './postings';
import { FilePostings, MemoryPostings, SortedTerms } from './postings';
import type { SynonymTable } from './synonyms';
import { synonymTableSchema } from './synonyms';

/**
 * The knowledge index saved to disk, so a desk answers from it within
 * milliseconds of start while a worker thread checks it against the replica
 * (and rebuilds it when the articles changed). File layout:
 *
 *   "KBINDEX2" | u32 header length | header JSON | padding to 4 bytes |
 *   tables: starts Int32[terms + 1] | idf Float32[terms] | term order Int32[terms] |
 *           term offsets Int32[terms + 1] | id offsets Int32[articles + 1] |
 *           scope Uint16[articles] | status Uint8[articles] | padding |
 *           term bytes | id bytes | padding to 4 bytes |
 *   entries: docs Int32[entries] | weights Float32[entries] | plain Float32[entries]
 *
 * The header is small: the content hash it was built from, the synonym table,
 * the distinct scopes, the counts and a CRC-32 of the tables and of the
 * entries. Opening reads the header and the tables in two reads and checks the
 * tables' CRC; nothing is decoded into strings (a term is found by binary search
 * over its bytes, an article's id is decoded when it is a hit). The entries are
 * read term by term as queries need them; their CRC is checked by the worker,
 * off the first query's path, and a damaged file is rebuilt.
 */
const MAGIC = Buffer.from('KBINDEX2', 'latin1');
/** Bumped whenever the analysis or the layout changes: a saved index of another format is rebuilt. */
export const SAVED_INDEX_FORMAT = 2;
const FILE_PATTERN = /^kb-index-[0-9a-f]{16}\.bin$/u;

const headerSchema = z.object({
  format: z.literal(SAVED_INDEX_FORMAT),
  hash: z.string(),
  synonyms: synonymTableSchema,
  scopes: z.array(z.string()),
  articles: z.number().int().nonnegative(),
  terms: z.number().int().nonnegative(),
  termBytes: z.number().int().nonnegative(),
  idBytes: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  tablesCrc: z.number().int().nonnegative(),
  entriesCrc: z.number().int().nonnegative(),
});
type Header = z.infer<typeof headerSchema>;

export const savedIndexFile = (dir: string, hash: string): string => path.join(dir, `kb-index-${hash.slice(0, 16)}.bin`);

/** The saved index files in `dir`, newest first. */
export function savedIndexFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => FILE_PATTERN.test(name));
  } catch {
    return [];
  }
  return names
    .map((name) => ({ file: path.join(dir, name), mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
    .map((f) => f.file);
}

/** The content hash an index is built from: the format, the synonym table and every article as the replica stores it. */
export function contentHash(docs: Iterable<string>, synonyms: string | null): string {
  const hash = crypto.createHash('sha256');
  hash.update(`format ${String(SAVED_INDEX_FORMAT)}\n${synonyms ?? ''}\n`);
  for (const doc of docs) hash.update(doc).update('\n');
  return hash.digest('hex');
}

const pad4 = (n: number): number => (4 - (n % 4)) % 4;
const bytesOf = (array: Int32Array | Float32Array | Uint16Array | Uint8Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** Where each table lies within the tables section, from the header's counts. */
function tablesLayout(h: Pick<Header, 'terms' | 'articles' | 'termBytes' | 'idBytes'>) {
  const starts = 0;
  const idf = starts + 4 * (h.terms + 1);
  const termOrder = idf + 4 * h.terms;
  const termOffsets = termOrder + 4 * h.terms;
  const idOffsets = termOffsets + 4 * (h.terms + 1);
  const scopes = idOffsets + 4 * (h.articles + 1);
  const statuses = scopes + 2 * h.articles;
  const termBytes = statuses + h.articles + pad4(statuses + h.articles);
  const idBytes = termBytes + h.termBytes;
  const end = idBytes + h.idBytes;
  return { starts, idf, termOrder, termOffsets, idOffsets, scopes, statuses, termBytes, idBytes, size: end + pad4(end) };
}

/** Writes a freshly built index to `file` (through a temporary file, so a reader never sees half of it). */
export function saveIndex(file: string, index: KbIndex, hash: string): void {
  const postings = index.postings;
  if (!(postings instanceof MemoryPostings)) throw new Error('only a freshly built index can be saved');
  const { table, docs, weights, plain } = postings;
  const terms = SortedTerms.layout(postings.terms.terms);
  const ids = Array.from({ length: index.docs.count }, (_, doc) => Buffer.from(index.docs.id(doc) ?? '', 'utf8'));
  const idOffsets = new Int32Array(ids.length + 1);
  ids.forEach((id, doc) => (idOffsets[doc + 1] = (idOffsets[doc] ?? 0) + id.length));
  const counts = { terms: terms.numbers.length, articles: index.docs.count, termBytes: terms.bytes.length, idBytes: idOffsets[ids.length] ?? 0 };
  const layout = tablesLayout(counts);
  const tables = Buffer.alloc(layout.size);
  tables.set(bytesOf(table.starts), layout.starts);
  tables.set(bytesOf(table.idf), layout.idf);
  tables.set(bytesOf(terms.numbers), layout.termOrder);
  tables.set(bytesOf(terms.offsets), layout.termOffsets);
  tables.set(bytesOf(idOffsets), layout.idOffsets);
  tables.set(bytesOf(index.docs.scopeOf), layout.scopes);
  tables.set(bytesOf(index.docs.statusOf), layout.statuses);
  tables.set(terms.bytes, layout.termBytes);
  tables.set(Buffer.concat(ids), layout.idBytes);
  const entries = [bytesOf(docs), bytesOf(weights), bytesOf(plain)];
  const header = Buffer.from(
    JSON.stringify({
      format: SAVED_INDEX_FORMAT,
      hash,
      synonyms: index.synonyms,
      scopes: [...index.docs.scopeNames],
      ...counts,
      entries: docs.length,
      tablesCrc: zlib.crc32(tables),
      entriesCrc: entries.reduce((crc, part) => zlib.crc32(part, crc), 0),
    } satisfies Header),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const temporary = `${file}.${String(process.pid)}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(temporary, 'w');
  try {
    for (const part of [MAGIC, length, header, Buffer.alloc(pad4(header.length)), tables, ...entries]) fs.writeSync(fd, part);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** Reads exactly `into.length` bytes at `position`, or says the file is shorter than its header says. */
function readFully(fd: number, file: string, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error(`${file}: shorter than its header says`);
    done += n;
  }
}

/** The header of a saved index and where its tables and entries begin; throws on a foreign, damaged or truncated file. */
function readHeader(fd: number, file: string): { header: Header; tablesAt: number; entriesAt: number } {
  const lead = Buffer.alloc(12);
  readFully(fd, file, lead, 0);
  if (!lead.subarray(0, 8).equals(MAGIC)) throw new Error(`${file}: not a saved knowledge index of format ${String(SAVED_INDEX_FORMAT)}`);
  const headerLength = lead.readUInt32LE(8);
  const headerBytes = Buffer.alloc(headerLength);
  readFully(fd, file, headerBytes, 12);
  const header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
  const tablesAt = 12 + headerLength + pad4(headerLength);
  const entriesAt = tablesAt + tablesLayout(header).size;
  const expected = entriesAt + 12 * header.entries;
  const size = fs.fstatSync(fd).size;
  if (size !== expected) throw new Error(`${file}: ${String(size)} bytes, expected ${String(expected)}`);
  return { header, tablesAt, entriesAt };
}

/**
 * Opens a saved index; `articleById` reads the article behind a hit from the replica. Throws on a
 * foreign, truncated or damaged file (its size, its header or its tables' CRC); the entries' CRC is
 * checked by `checkSavedEntries`, on the worker.
 */
export function openSavedIndex(file: string, articleById: (id: string) => Article | undefined): { index: KbIndex; hash: string } {
  const fd = fs.openSync(file, 'r');
  try {
    const { header, tablesAt, entriesAt } = readHeader(fd, file);
    const layout = tablesLayout(header);
    const tables = Buffer.alloc(layout.size);
    readFully(fd, file, tables, tablesAt);
    if (zlib.crc32(tables) !== header.tablesCrc) throw new Error(`${file}: its tables are damaged (CRC mismatch)`);
    const ints = (at: number, count: number): Int32Array => new Int32Array(tables.buffer, tables.byteOffset + at, count);
    const table: PostingTable = { starts: ints(layout.starts, header.terms + 1), idf: new Float32Array(tables.buffer, tables.byteOffset + layout.idf, header.terms) };
    const terms = new SortedTerms(tables.subarray(layout.termBytes, layout.idBytes), ints(layout.termOffsets, header.terms + 1), ints(layout.termOrder, header.terms));
    const bytes = header.entries * 4;
    const postings = new FilePostings(terms, table, fd, { docs: entriesAt, weights: entriesAt + bytes, plain: entriesAt + 2 * bytes });
    const idOffsets = ints(layout.idOffsets, header.articles + 1);
    const idBytes = tables.subarray(layout.idBytes, layout.idBytes + header.idBytes);
    const docs: DocTable = {
      count: header.articles,
      scopeNames: header.scopes,
      scopeOf: new Uint16Array(tables.buffer, tables.byteOffset + layout.scopes, header.articles),
      statusOf: new Uint8Array(tables.buffer, tables.byteOffset + layout.statuses, header.articles),
      id: (doc) => (doc >= 0 && doc < header.articles ? idBytes.toString('utf8', idOffsets[doc], idOffsets[doc + 1]) : undefined),
    };
    const index = new KbIndex(docs, postings, header.synonyms, (doc) => {
      const id = docs.id(doc);
      return id === undefined ? undefined : articleById(id);
    });
    return { index, hash: header.hash };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** Checks a saved index's entries against their CRC (reading the whole file): the worker's check, off the search path. */
export function checkSavedEntries(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const { header, entriesAt } = readHeader(fd, file);
    const chunk = Buffer.alloc(1 << 20);
    let crc = 0;
    for (let at = entriesAt, end = entriesAt + 12 * header.entries; at < end; ) {
      const part = chunk.subarray(0, Math.min(chunk.length, end - at));
      readFully(fd, file, part, at);
      crc = zlib.crc32(part, crc);
      at += part.length;
    }
    return crc === header.entriesCrc;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** The replica's articles and synonym table as stored, and their content hash. */
export function readReplica(db: Database.Database): { docs: string[]; synonyms: string | null; hash: string } {
  const docs = db
    .prepare<[], { doc: string }>('SELECT doc FROM kb_articles ORDER BY id')
    .all()
    .map((row) => row.doc);
  const synonyms = db.prepare<[], { synonyms: string | null }>('SELECT synonyms FROM kb_replica_state').get()?.synonyms ?? null;
  return { docs, synonyms, hash: contentHash(docs, synonyms) };
}

/**
 * Makes sure `dir` holds the saved index of the replica in `dbFile` as it is
 * now: hashes the articles and, when no saved index has that hash, builds and
 * saves one. Run on a worker thread (`kb-index-worker.ts`); it opens its own
 * read-only connection, which never blocks the desk's writer in WAL mode.
 */
export function refreshSavedIndex(dbFile: string, dir: string): { file: string; hash: string; built: boolean; buildMs: number } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const replica = db.transaction(() => readReplica(db))();
    const file = savedIndexFile(dir, replica.hash);
    // A saved index of these articles whose entries fail their CRC is built again (and replaces the damaged one).
    if (fs.existsSync(file) && checkSavedEntries(file)) return { file, hash: replica.hash, built: false, buildMs: 0 };
    const started = performance.now();
    // The replica validated each article when it was written.
    const articles = replica.docs.map((doc) => JSON.parse(doc) as Article);
    const synonyms: SynonymTable = replica.synonyms ? synonymTableSchema.parse(JSON.parse(replica.synonyms)) : { version: 0, groups: [] };
    saveIndex(file, KbIndex.build(articles, synonyms), replica.hash);
    return { file, hash: replica.hash, built: true, buildMs: performance.now() - started };
  } finally {
    db.close();
  }
}
