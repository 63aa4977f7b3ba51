import type { SemanticModelProblem, SemanticModelStatus } from '../../../../shared/kb/semantic-status';
import type { DeskDatabase } from '../../db/database';
import type { Embedder, NearArticle } from './article-vectors';
import { ArticleVectors } from './article-vectors';
import { EmbeddingModel, ModelLoadError } from './embedding-model';
import { CosineScan } from './cosine-scan';

/** How many neighbours the model contributes to a query's fusion. */
export const SEMANTIC_DEPTH = 20;

interface LoadedModel extends Embedder {
  close(): Promise<void>;
}

/**
 * The optional semantic model at the desk: loads the model a centre installed, computes the articles'
 * vectors in the background (again after each change batch) and answers nearest-article queries once they are
 * ready. Every failure leaves knowledge search lexical and says why in the status; it never stops a search.
 */
export class SemanticSearch {
  private status: SemanticModelStatus = { state: 'off' };
  private model: LoadedModel | null = null;
  private scan: CosineScan | null = null;
  private vectors: ArticleVectors | null = null;
  private folder = '';
  /** Bumped by every `use` and `close`: work started for an older generation stops and changes nothing. */
  private generation = 0;
  private dirty = false;
  private refreshing: Promise<void> | null = null;
  /** A query is being embedded; `next` is the newest one waiting (see queryVector). */
  private embedding = false;
  private next: { model: LoadedModel; query: string; settle: (vector: Float32Array | null) => void } | null = null;

  constructor(
    private readonly db: DeskDatabase,
    /** Where the cosine scan's graph ships (`models/cosine-scan.onnx`). */
    private readonly resourcesDir: string,
    private readonly onStatus: (status: SemanticModelStatus) => void = () => undefined,
    private readonly warn: (message: string, error: unknown) => void = () => undefined,
    private readonly loadModel: (folder: string) => Promise<LoadedModel> = (folder) => EmbeddingModel.load(folder),
  ) {}

  current(): SemanticModelStatus {
    return this.status;
  }

  /** Uses the model in `folder` ('' turns the model off); resolves once it is ready or has failed. */
  async use(folder: string): Promise<void> {
    if (folder === this.folder && this.status.state !== 'failed') return this.refreshing ?? undefined;
    this.folder = folder;
    const generation = ++this.generation;
    await this.release();
    if (!folder) {
      this.set({ state: 'off' });
      return;
    }
    this.set({ state: 'loading' });
    let model: LoadedModel;
    let scan: CosineScan;
    try {
      model = await this.loadModel(folder);
      scan = await CosineScan.open(this.resourcesDir).catch(async (error: unknown) => {
        await model.close();
        throw error;
      });
    } catch (error) {
      if (generation !== this.generation) return;
      this.warn(`semantic model in ${folder} could not be used; knowledge search stays lexical`, error);
      this.set({ state: 'failed', problem: problemOf(error) });
      return;
    }
    if (generation !== this.generation) {
      await Promise.all([model.close(), scan.close()]);
      return;
    }
    this.model = model;
    this.scan = scan;
    this.vectors = null;
    await this.articlesChanged();
  }

  /** Computes the vectors of new or edited articles (after a change batch); a search meanwhile uses the old ones. */
  articlesChanged(): Promise<void> {
    if (!this.model) return Promise.resolve();
    this.dirty = true;
    this.refreshing ??= this.refreshWhileDirty().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshWhileDirty(): Promise<void> {
    const generation = this.generation;
    const { model, scan } = this;
    while (this.dirty && model && scan && generation === this.generation) {
      this.dirty = false;
      const vectors = new ArticleVectors(this.db, model, scan);
      const stale = () => generation !== this.generation;
      try {
        const done = await vectors.refresh((doneCount, total) => {
          if (!stale() && (total > 0 || !this.vectors)) this.set({ state: 'indexing', done: doneCount, total });
        }, stale);
        if (!done || stale()) return;
        this.vectors = vectors;
        this.set({ state: 'ready', articles: vectors.size, dimensions: model.dimensions });
      } catch (error) {
        if (stale()) return;
        this.warn('article vectors could not be computed; knowledge search stays lexical', error);
        this.vectors = null;
        this.set({ state: 'failed', problem: problemOf(error) });
        return;
      }
    }
  }

  /** The nearest articles to the query, or null while the model is not ready (the caller searches lexically). */
  async nearest(query: string, district: string | null, limit = SEMANTIC_DEPTH): Promise<NearArticle[] | null> {
    const { model, vectors } = this;
    if (!model || !vectors || this.status.state === 'failed') return null;
    try {
      const vector = await this.queryVector(model, query);
      return vector ? await vectors.nearest(vector, limit, district) : null;
    } catch (error) {
      this.warn('semantic model failed on a query; answered lexically', error);
      return null;
    }
  }

  /**
   * The query's vector. One query is embedded at a time and, while it runs, only the newest one waits: the
   * operator types faster than a model answers on a desk's two cores, and the pane shows only the answer to
   * the latest keystroke anyway. A query passed over gets null and is answered lexically.
   */
  private queryVector(model: LoadedModel, query: string): Promise<Float32Array | null> {
    if (this.embedding) {
      this.next?.settle(null);
      return new Promise((settle) => {
        this.next = { model, query, settle };
      });
    }
    this.embedding = true;
    return this.embedNow(model, query);
  }

  private async embedNow(model: LoadedModel, query: string): Promise<Float32Array | null> {
    try {
      const [vector] = await model.embed([query]);
      return vector ?? null;
    } finally {
      const next = this.next;
      this.next = null;
      if (next) {
        this.embedNow(next.model, next.query).then(next.settle, (error: unknown) => {
          this.warn('semantic model failed on a query; answered lexically', error);
          next.settle(null);
        });
      } else this.embedding = false;
    }
  }

  async close(): Promise<void> {
    this.generation++;
    this.folder = '';
    await this.release();
  }

  private async release(): Promise<void> {
    const { model, scan } = this;
    this.model = null;
    this.scan = null;
    this.vectors = null;
    await Promise.all([model?.close(), scan?.close()]).catch((error: unknown) => {
      this.warn('semantic model could not be released', error);
    });
  }

  private set(status: SemanticModelStatus): void {
    this.status = status;
    this.onStatus(status);
  }
}

function problemOf(error: unknown): SemanticModelProblem {
  return error instanceof ModelLoadError ? error.problem : 'VECTORS_FAILED';
}
