import type { Article } from '../../../shared/kb/article';
import { articleSchema } from '../../../shared/kb/article';
import type { KbFeedbackInput, KbHit, KbSearchInput } from '../../../shared/kb/search';
import { DeskFailure } from '../../../shared/result';
import type { DeskDatabase } from '../db/database';
import type { LearnedExpansionsSnapshot } from '../../../shared/kb/learned-expansions';
import { LearnedExpansions, learnedExpansionsSnapshotSchema } from '../../../shared/kb/learned-expansions';
import { withShippedPhrasings } from '../../../shared/kb/phrasings';
import { learningKeys } from './text-analysis';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';
import type { KbIndex } from './kb-index';
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
 * the shipped articles on first start, and the in-memory index built from it
 * on the first search (jieba's dictionary loads then, not at start-up).
 */
export class KbService {
  private index: KbIndex | null = null;
  private learned: LearnedExpansions | null = null;

  constructor(
    private readonly db: DeskDatabase,
    private readonly resourcesDir: string,
    warn: (message: string, error: unknown) => void = () => undefined,
  ) {
    const state = db.prepare('SELECT version FROM kb_replica_state').get();
    if (state) return;
    try {
      this.seed();
    } catch (error) {
      // No replica state is written, so the next start tries the seed again; search meanwhile finds nothing.
      warn('knowledge base seed could not be read; starting with an empty knowledge base', error);
    }
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
    if (applied) this.index = null;
    return applied;
  }

  /**
   * Takes the centre's learned query → article expansions (a snapshot the hub builds from the articles
   * operators opened, copied and marked 有用); an older or equal version is ignored. Kept until the index
   * is rebuilt for new articles, then applied to the new index.
   */
  applyLearnedExpansions(snapshot: LearnedExpansionsSnapshot): boolean {
    const parsed = learnedExpansionsSnapshotSchema.parse(snapshot);
    if (this.learned && parsed.version <= this.learned.version) return false;
    this.learned = LearnedExpansions.fromSnapshot(parsed, learningKeys);
    this.index?.useLearned(this.learned);
    return true;
  }

  search(input: KbSearchInput): KbHit[] {
    return this.searchIndex().search(input.query, { district: input.district ?? null, limit: input.limit ?? 10 });
  }

  /** Keeps the operator's feedback until the sync engine sends it; the article must exist in the replica. */
  recordFeedback(feedback: KbFeedbackInput, author: string, now = new Date()): { id: number } {
    this.getArticle(feedback.articleId);
    const info = this.db
      .prepare('INSERT INTO kb_feedback (article_id, verdict, comment, author, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(feedback.articleId, feedback.verdict, feedback.comment, author, now.toISOString());
    return { id: Number(info.lastInsertRowid) };
  }

  getArticle(id: string): Article {
    const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM kb_articles WHERE id = ?').get(id);
    if (!row) throw new DeskFailure('NOT_FOUND', `no article ${id}`);
    return articleSchema.parse(JSON.parse(row.doc));
  }

  private searchIndex(): KbIndex {
    if (!this.index) {
      const articles = this.db
        .prepare<[], { doc: string }>('SELECT doc FROM kb_articles ORDER BY id')
        .all()
        .map((row) => articleSchema.parse(JSON.parse(row.doc)));
      const stored = this.db.prepare<[], { synonyms: string | null }>('SELECT synonyms FROM kb_replica_state').get()?.synonyms;
      const synonyms = stored ? synonymTableSchema.parse(JSON.parse(stored)) : { version: 0, groups: [] };
      this.index = buildIndex(articles, synonyms);
      this.index.useLearned(this.learned);
    }
    return this.index;
  }
}
