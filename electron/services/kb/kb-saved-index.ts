import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Article } from '../../../shared/kb/article';
import { articleStatuses } from '../../../shared/kb/article';
import { KbIndex } from './kb-index';
import type { PostingTable } from './postings';
import { FilePostings, MemoryPostings } from './postings';
import type { SynonymTable } from './synonyms';
import { synonymTableSchema } from './synonyms';

/**
 * The knowledge index saved to disk, so a desk answers from it within
 * milliseconds of start while a worker thread checks it against the replica
 * (and rebuilds it when the articles changed). File layout:
 *
 *   "KBINDEX1" | u32 header length | header JSON | padding to 4 bytes |
 *   starts Int32[terms + 1] | idf Float32[terms] | docs Int32[entries] |
 *   weights Float32[entries] | plain Float32[entries]
 *
 * The header carries the content hash it was built from, the synonym table,
 * each article's id, scope and status, and the terms. Opening reads the
 * header and the term table; the entries are read term by term as queries
 * need them.
 */
const MAGIC = Buffer.from('KBINDEX1', 'latin1');
/** Bumped whenever the analysis or the layout changes: a saved index of another format is rebuilt. */
export const SAVED_INDEX_FORMAT = 1;
const FILE_PATTERN = /^kb-index-[0-9a-f]{16}\.bin$/u;

const headerSchema = z.object({
  format: z.literal(SAVED_INDEX_FORMAT),
  hash: z.string(),
  synonyms: synonymTableSchema,
  ids: z.array(z.string()),
  scopes: z.array(z.string()),
  statuses: z.array(z.enum(articleStatuses)),
  terms: z.array(z.string()),
  entries: z.number().int().nonnegative(),
});

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

/** Writes a freshly built index to `file` (through a temporary file, so a reader never sees half of it). */
export function saveIndex(file: string, index: KbIndex, hash: string): void {
  const postings = index.postings;
  if (!(postings instanceof MemoryPostings)) throw new Error('only a freshly built index can be saved');
  const { table, docs, weights, plain } = postings;
  const header = Buffer.from(
    JSON.stringify({ format: SAVED_INDEX_FORMAT, hash, synonyms: index.synonyms, ...index.docs, terms: table.terms, entries: docs.length }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const view = (array: Int32Array | Float32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const temporary = `${file}.${String(process.pid)}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(temporary, 'w');
  try {
    for (const part of [MAGIC, length, header, Buffer.alloc(pad4(header.length)), view(table.starts), view(table.idf), view(docs), view(weights), view(plain)]) {
      fs.writeSync(fd, part);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** Opens a saved index; `articleById` reads the article behind a hit from the replica. Throws on a damaged or foreign file. */
export function openSavedIndex(file: string, articleById: (id: string) => Article | undefined): { index: KbIndex; hash: string } {
  const fd = fs.openSync(file, 'r');
  try {
    const read = (into: Uint8Array, position: number): void => {
      if (fs.readSync(fd, into, 0, into.length, position) !== into.length) throw new Error(`${file}: shorter than its header says`);
    };
    const lead = Buffer.alloc(12);
    read(lead, 0);
    if (!lead.subarray(0, 8).equals(MAGIC)) throw new Error(`${file}: not a saved knowledge index`);
    const headerLength = lead.readUInt32LE(8);
    const headerBytes = Buffer.alloc(headerLength);
    read(headerBytes, 12);
    const header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
    const termCount = header.terms.length;
    let at = 12 + headerLength + pad4(headerLength);
    const starts = new Int32Array(termCount + 1);
    read(new Uint8Array(starts.buffer), at);
    at += starts.byteLength;
    const idf = new Float32Array(termCount);
    read(new Uint8Array(idf.buffer), at);
    at += idf.byteLength;
    const bytes = header.entries * 4;
    const expected = at + 3 * bytes;
    if (fs.fstatSync(fd).size !== expected) throw new Error(`${file}: ${String(fs.fstatSync(fd).size)} bytes, expected ${String(expected)}`);
    const table: PostingTable = { terms: header.terms, starts, idf };
    const postings = new FilePostings(table, fd, { docs: at, weights: at + bytes, plain: at + 2 * bytes });
    const docs = { ids: header.ids, scopes: header.scopes, statuses: header.statuses };
    const index = new KbIndex(docs, postings, header.synonyms, (doc) => {
      const id = header.ids[doc];
      return id === undefined ? undefined : articleById(id);
    });
    return { index, hash: header.hash };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
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
    if (fs.existsSync(file)) return { file, hash: replica.hash, built: false, buildMs: 0 };
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
