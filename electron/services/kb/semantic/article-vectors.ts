import { createHash } from 'node:crypto';
import type { Article } from '../../../../shared/kb/article';
import { CITY_WIDE_SCOPE } from '../../../../shared/kb/article';
import type { DeskDatabase } from '../../db/database';
import type { CosineScan, ScanMatrix } from './cosine-scan';

/** Articles embedded per model run: large enough to use the runtime's threads, small enough to yield often. */
const BATCH = 16;

/**
 * What the model reads of an article: the title, the ways callers ask (相似问), the keywords and the start of
 * the answer. The model's token limit cuts the rest; the title and phrasings carry the matter.
 */
export function articleText(article: Pick<Article, 'title' | 'keywords' | 'body'> & { phrasings?: readonly string[] | undefined }): string {
  const phrasings = article.phrasings?.length ? `${article.phrasings.join('；')}。` : '';
  return `${article.title}。${phrasings}${article.keywords.join('、')}。${article.body}`;
}

export interface Embedder {
  readonly key: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** A nearest article: cosine similarity of its vector to the query's. */
export interface NearArticle {
  id: string;
  similarity: number;
}

/**
 * The articles' vectors for one model: computed in batches (kept in `kb_vectors`, so a restart computes only
 * what changed), held as one matrix that the cosine scan (an onnxruntime MatMul) reads whole for each query.
 * An exact scan of every article: at a centre's size (50,000 articles) it takes milliseconds, so no
 * approximate index, and no recall lost to one.
 */
export class ArticleVectors {
  private ids: string[] = [];
  private scopes: string[] = [];
  private matrix: ScanMatrix = { tensor: null, rows: 0, width: 0 };

  constructor(
    private readonly db: DeskDatabase,
    private readonly model: Embedder,
    private readonly scan: CosineScan,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /**
   * Computes the vectors of articles new or edited since the last time (others are read back), then replaces
   * the matrix. `progress` hears (done, total) after each batch; `cancelled` stops between batches (what was
   * computed stays saved).
   */
  async refresh(progress: (done: number, total: number) => void = () => undefined, cancelled: () => boolean = () => false): Promise<boolean> {
    const articles = this.db
      .prepare<[], { id: string; doc: string }>('SELECT id, doc FROM kb_articles ORDER BY id')
      .all()
      .map((row) => {
        const article = JSON.parse(row.doc) as Article;
        const text = articleText(article);
        return { id: row.id, scope: article.scope, text, hash: createHash('sha256').update(text).digest('hex').slice(0, 32) };
      });
    const saved = new Map(
      this.db
        .prepare<[string], { article_id: string; text_hash: string }>('SELECT article_id, text_hash FROM kb_vectors WHERE model_key = ?')
        .all(this.model.key)
        .map((row) => [row.article_id, row.text_hash]),
    );
    const todo = articles.filter((a) => saved.get(a.id) !== a.hash);
    const total = todo.length;
    progress(0, total);
    const write = this.db.prepare(
      `INSERT INTO kb_vectors (article_id, model_key, text_hash, vector) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET model_key = excluded.model_key, text_hash = excluded.text_hash, vector = excluded.vector`,
    );
    for (let start = 0; start < total; start += BATCH) {
      if (cancelled()) return false;
      const batch = todo.slice(start, start + BATCH);
      const vectors = await this.model.embed(batch.map((a) => a.text));
      if (cancelled()) return false;
      this.db.transaction(() => {
        batch.forEach((a, i) => {
          const vector = vectors[i];
          if (vector) write.run(a.id, this.model.key, a.hash, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
        });
      })();
      progress(Math.min(start + BATCH, total), total);
    }
    // Withdrawn articles and other models' rows go; the table holds one model's vectors.
    this.db.prepare('DELETE FROM kb_vectors WHERE model_key <> ? OR article_id NOT IN (SELECT id FROM kb_articles)').run(this.model.key);
    this.load(articles);
    return true;
  }

  private load(articles: readonly { id: string; scope: string }[]): void {
    const width = this.model.dimensions;
    // One read of the model's vectors, copied byte for byte into the matrix (a blob need not be 4-byte aligned).
    const stored = new Map(
      this.db
        .prepare<[string], { article_id: string; vector: Buffer }>('SELECT article_id, vector FROM kb_vectors WHERE model_key = ?')
        .all(this.model.key)
        .map((row) => [row.article_id, row.vector]),
    );
    const ids: string[] = [];
    const scopes: string[] = [];
    const matrix = new Float32Array(articles.length * width);
    const bytes = new Uint8Array(matrix.buffer);
    for (const article of articles) {
      const vector = stored.get(article.id);
      if (vector?.byteLength !== width * 4) continue;
      bytes.set(vector, ids.length * width * 4);
      ids.push(article.id);
      scopes.push(article.scope);
    }
    this.ids = ids;
    this.scopes = scopes;
    this.matrix = this.scan.matrix(matrix, ids.length, width);
  }

  /**
   * The `limit` articles nearest to the query vector. With the caller's district known, articles local to
   * another district are left out (the lexical ranking demotes them; a meaning-only match there is noise).
   */
  async nearest(query: Float32Array, limit: number, district: string | null): Promise<NearArticle[]> {
    const similarities = await this.scan.similarities(this.matrix, query);
    const best: NearArticle[] = [];
    for (let row = 0; row < similarities.length; row++) {
      const scope = this.scopes[row];
      if (district !== null && scope !== CITY_WIDE_SCOPE && scope !== district) continue;
      const similarity = similarities[row] ?? 0;
      const worst = best[best.length - 1];
      if (best.length >= limit && worst && similarity <= worst.similarity) continue;
      let place = best.length;
      while (place > 0 && (best[place - 1]?.similarity ?? 0) < similarity) place--;
      best.splice(place, 0, { id: this.ids[row] ?? '', similarity });
      if (best.length > limit) best.pop();
    }
    return best;
  }
}
