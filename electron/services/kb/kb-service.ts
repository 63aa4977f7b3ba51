import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../../../shared/kb/article';
import { articleSchema } from '../../../shared/kb/article';
import type { KbFeedbackInput, KbHit, KbSearchInput } from '../../../shared/kb/search';
import { DeskFailure } from '../../../shared/result';
import type { DeskDatabase } from '../db/database';
import type { LearnedExpansionsSnapshot } from '../../../shared/kb/learned-expansions';
import { LearnedExpansions, learnedExpansionsSnapshotSchema } from '../../../shared/kb/learned-expansions';
import { withShippedPhrasings } from '../../../shared/kb/phrasings';
import type { KbUseInput, KbUsePayload } from '../../../shared/kb/kb-use';
import { uuidv7 } from '../../../shared/tickets/uuid7';
import { OutboxQueue } from '../sync/outbox-queue';
import { learningKeys } from './text-analysis';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';
import type { KbIndex } from './kb-index';
import { openSavedIndex, savedIndexFiles } from './kb-saved-index';
import { refreshSavedIndexOffThread } from './kb-index-thread';
import { toHit } from './kb-index';
import type { SemanticModelStatus } from '../../../shared/kb/semantic-status';
import { SemanticSearch, SEMANTIC_DEPTH } from './semantic/semantic-search';
import { fuseRankings } from './semantic/rank-fusion';
import type { SynonymTable } from './synonyms';
import { synonymTableSchema } from './synonyms';

/** A batch from the hub's change feed (or an editor's import). */
export interface ArticleChanges {
  /** The feed version this batch brings the replica to; older or equal versions are ignored. */
  version: number;
  upserts: readonly Article[];
  /** Articles withdrawn altogether (an expired one is an upsert with status 已失效, and stays searchable). */
  removals?: readonly string[];
  synonyms?: SynonymTable;
}

/**
 * The desk's knowledge base: a replica in SQLite (works offline), seeded from
 * the shipped articles on first start, and the search index over it. The
 * index is built on a worker thread and saved beside the database
 * (`kb-saved-index.ts`): after a start the saved one answers at once while the
 * worker checks it against the replica's content hash, and after a change
 * batch the old one answers until the new one is ready.
 */
export class KbService {
  private index: KbIndex | null = null;
  /** The content hash the answering index was built from (null: built in memory, or none yet). */
  private indexHash: string | null = null;
  private learned: LearnedExpansions | null = null;
  /** Bumped by every applied change batch; the index is current once a refresh started at this count has ended. */
  private changes = 0;
  private currentAt = -1;
  private refreshing: Promise<void> | null = null;
  private stopWorker: (() => Promise<void>) | null = null;
  private started = false;
  private closed = false;
  /** Where the saved index lives: beside the database file (none for an in-memory database: built on this thread). */
  private readonly indexDir: string | null;
  private readonly warn: (message: string, error: unknown) => void;
  /** The optional semantic model, fused with the lexical ranking once its article vectors are ready. */
  private readonly semantic: SemanticSearch;
  /** The model folder set before start: loaded by start, so a desk's first seconds are not spent on it. */
  private semanticFolder = '';

  constructor(
    private readonly db: DeskDatabase,
    private readonly resourcesDir: string,
    warn: (message: string, error: unknown) => void = () => undefined,
    onSemanticStatus: (status: SemanticModelStatus) => void = () => undefined,
  ) {
    this.warn = warn;
    this.semantic = new SemanticSearch(db, resourcesDir, onSemanticStatus, warn);
    this.indexDir = db.memory ? null : path.join(path.dirname(db.name), 'kb-index');
    const state = db.prepare('SELECT version FROM kb_replica_state').get();
    if (state) return;
    try {
      this.seed();
    } catch (error) {
      // No replica state is written, so the next start tries the seed again; search meanwhile finds nothing.
      warn('knowledge base seed could not be read; starting with an empty knowledge base', error);
    }
  }

  /** Opens the saved index (if any) and starts checking it against the replica on a worker thread; the first search calls it. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.semantic.use(this.semanticFolder);
    if (!this.indexDir) return;
    this.index ??= this.openNewestSaved();
    void this.refresh();
  }

  /** Resolves once the answering index holds every change batch applied so far. */
  async whenCurrent(): Promise<void> {
    this.start();
    while (!this.closed && this.currentAt !== this.changes) await this.refresh();
  }

  /**
   * Uses the sentence-embedding model in `folder` ('' for none) beside the lexical ranking. Before start it is
   * only noted; the returned promise resolves once the model is in use or has been refused (see semanticStatus).
   */
  useSemanticModel(folder: string): Promise<void> {
    this.semanticFolder = folder.trim();
    return this.started && !this.closed ? this.semantic.use(this.semanticFolder) : Promise.resolve();
  }

  semanticStatus(): SemanticModelStatus {
    return this.semantic.current();
  }

  private isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    void this.semantic.close();
    void this.stopWorker?.();
    this.index?.close();
    this.index = null;
  }

  private seed(): void {
    const { synonyms, phrasings } = readShippedVocabulary(this.resourcesDir);
    // The replica keeps each article with its caller phrasings, as the hub's copy has them.
    const articles = withShippedPhrasings(readArticlesFile(shippedArticlesFile(this.resourcesDir)), phrasings);
    this.db.transaction(() => {
      this.upsert(articles);
      this.db.prepare(`INSERT INTO kb_replica_state (singleton, version, source, synonyms) VALUES (1, 0, 'seed', ?)`).run(JSON.stringify(synonyms));
    })();
  }

  private upsert(articles: readonly Article[]): void {
    const statement = this.db.prepare(
      `INSERT INTO kb_articles (id, doc, status, updated_at) VALUES (@id, @doc, @status, @updated_at)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, status = excluded.status, updated_at = excluded.updated_at`,
    );
    for (const article of articles) statement.run({ id: article.id, doc: JSON.stringify(article), status: article.status, updated_at: article.updated_at });
  }

  /** Applies a change batch atomically; a batch with one invalid article changes nothing. Returns whether it applied. */
  applyArticleChanges(changes: ArticleChanges): boolean {
    const upserts = changes.upserts.map((article) => articleSchema.parse(article));
    const synonyms = changes.synonyms ? synonymTableSchema.parse(changes.synonyms) : null;
    const applied = this.db.transaction(() => {
      const current = this.db.prepare<[], { version: number }>('SELECT version FROM kb_replica_state').get()?.version ?? 0;
      if (changes.version <= current) return false;
      this.upsert(upserts);
      const remove = this.db.prepare('DELETE FROM kb_articles WHERE id = ?');
      for (const id of changes.removals ?? []) remove.run(id);
      this.db
        .prepare(`UPDATE kb_replica_state SET version = ?, source = 'hub', synonyms = coalesce(?, synonyms), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)
        .run(changes.version, synonyms ? JSON.stringify(synonyms) : null);
      return true;
    })();
    if (applied) {
      this.changes++;
      void this.semantic.articlesChanged();
      if (!this.indexDir) this.replaceIndex(null, null);
      else if (this.started) void this.refresh();
    }
    return applied;
  }

  /**
   * Takes the centre's learned query → article expansions (a snapshot the hub builds from the articles
   * operators opened, copied and marked 有用); an older or equal version is ignored. Kept until the index
   * is rebuilt for new articles, then applied to the new index.
   */
  applyLearnedExpansions(snapshot: LearnedExpansionsSnapshot, checked = false): boolean {
    const parsed = checked ? snapshot : learnedExpansionsSnapshotSchema.parse(snapshot);
    if (this.learned && parsed.version <= this.learned.version) return false;
    this.learned = LearnedExpansions.fromSnapshot(parsed, learningKeys);
    this.index?.useLearned(this.learned);
    return true;
  }

  async search(input: KbSearchInput): Promise<KbHit[]> {
    const district = input.district ?? null;
    const limit = input.limit ?? 10;
    const text = input.query.trim().slice(0, 200);
    const near = text ? await this.semantic.nearest(text, (await this.answering()).placeOf(text, district)) : null;
    // Asked again after the model's answer: a change batch may have replaced (and closed) the index meanwhile.
    const index = await this.answering();
    if (!near) return index.search(input.query, { district, limit });
    const lexical = index.search(input.query, { district, limit: Math.max(limit, SEMANTIC_DEPTH) });
    return fuseRankings(lexical, near, limit, (id) => {
      const article = this.articleOrNothing(id);
      // Found by meaning only: no typed word in it, so its match strength is 0 and the pane may say the match is weak.
      return article ? toHit(article, 0, [], false, 0) : null;
    });
  }

  /** Keeps the operator's feedback until the sync engine sends it; the article must exist in the replica. */
  recordFeedback(feedback: KbFeedbackInput, author: string, now = new Date()): { id: number } {
    this.getArticle(feedback.articleId);
    const info = this.db
      .prepare('INSERT INTO kb_feedback (article_id, verdict, comment, author, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(feedback.articleId, feedback.verdict, feedback.comment, author, now.toISOString());
    return { id: Number(info.lastInsertRowid) };
  }

  /**
   * Queues an article's use after a query (opened, copied into a ticket, marked 有用) for the hub, which learns
   * query → article expansions from the centre's uses and ships them back (`applyLearnedExpansions`).
   */
  recordUse(use: KbUseInput, author: string, now = new Date()): { id: string } {
    this.getArticle(use.articleId);
    const payload: KbUsePayload = { ...use, id: uuidv7(now.getTime()) };
    OutboxQueue.append(this.db, { author, kind: 'kb.use', ticketId: payload.id, payload, createdAt: now.toISOString() });
    return { id: payload.id };
  }

  /** The learned expansions' version in use (0: none). */
  learnedVersion(): number {
    return this.learned?.version ?? 0;
  }

  getArticle(id: string): Article {
    const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM kb_articles WHERE id = ?').get(id);
    if (!row) throw new DeskFailure('NOT_FOUND', `no article ${id}`);
    return articleSchema.parse(JSON.parse(row.doc));
  }

  /** The index to answer from now: the current or saved one, else the first one being built. */
  private async answering(): Promise<KbIndex> {
    this.start();
    if (!this.indexDir) return (this.index ??= this.buildHere());
    if (!this.index) await this.refresh();
    if (!this.index) throw new DeskFailure('INTERNAL', 'knowledge base is closed');
    return this.index;
  }

  /** One refresh at a time; a change batch applied during it starts another when it ends. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
      if (!this.closed && this.currentAt !== this.changes) void this.refresh();
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    const dir = this.indexDir;
    if (!dir || this.closed) return;
    const at = this.changes;
    const job = refreshSavedIndexOffThread(this.db.name, dir);
    this.stopWorker = job.stop;
    try {
      const result = await job.done;
      // Closed while the worker ran (the flag changes across the await).
      if (this.isClosed()) return;
      // A rebuild of the same articles replaced a damaged file: reopen it too.
      if (result.hash !== this.indexHash || result.built) {
        const { index, hash } = openSavedIndex(result.file, (id) => this.articleOrNothing(id));
        this.replaceIndex(index, hash);
        this.removeSavedExcept(result.file);
      }
    } catch (error) {
      if (this.isClosed()) return;
      // Without the worker the desk still searches: built here, as before there was one.
      this.warn('knowledge index could not be refreshed on a worker thread; building it on the main thread', error);
      this.replaceIndex(this.buildHere(), null);
    } finally {
      this.stopWorker = null;
      this.currentAt = at;
    }
  }

  private replaceIndex(index: KbIndex | null, hash: string | null): void {
    this.index?.close();
    this.index = index;
    this.indexHash = hash;
    index?.useLearned(this.learned);
  }

  /** The newest saved index, whatever it was built from (the refresh checks that); null when there is none readable. */
  private openNewestSaved(): KbIndex | null {
    for (const file of savedIndexFiles(this.indexDir ?? '')) {
      try {
        const { index, hash } = openSavedIndex(file, (id) => this.articleOrNothing(id));
        this.indexHash = hash;
        index.useLearned(this.learned);
        return index;
      } catch (error) {
        this.warn(`saved knowledge index ${path.basename(file)} could not be opened; it is rebuilt`, error);
      }
    }
    return null;
  }

  private removeSavedExcept(keep: string): void {
    for (const file of savedIndexFiles(this.indexDir ?? '')) {
      if (file === keep) continue;
      try {
        fs.rmSync(file, { force: true });
      } catch (error) {
        this.warn(`old saved knowledge index ${path.basename(file)} could not be removed`, error);
      }
    }
  }

  private articleOrNothing(id: string): Article | undefined {
    const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM kb_articles WHERE id = ?').get(id);
    return row ? (JSON.parse(row.doc) as Article) : undefined;
  }

  private buildHere(): KbIndex {
    const articles = this.db
      .prepare<[], { doc: string }>('SELECT doc FROM kb_articles ORDER BY id')
      .all()
      .map((row) => articleSchema.parse(JSON.parse(row.doc)));
    const stored = this.db.prepare<[], { synonyms: string | null }>('SELECT synonyms FROM kb_replica_state').get()?.synonyms;
    const synonyms = stored ? synonymTableSchema.parse(JSON.parse(stored)) : { version: 0, groups: [] };
    const index = buildIndex(articles, synonyms);
    index.useLearned(this.learned);
    return index;
  }
}
