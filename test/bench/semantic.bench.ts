import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../../electron/services/db/database';
import { KbService } from '../../electron/services/kb/kb-service';
import { readArticlesFile, readShippedVocabulary, shippedArticlesFile } from '../../electron/services/kb/kb-engine';
import type { Embedder } from '../../electron/services/kb/semantic/article-vectors';
import { ArticleVectors } from '../../electron/services/kb/semantic/article-vectors';
import { CosineScan } from '../../electron/services/kb/semantic/cosine-scan';
import { withShippedPhrasings } from '../../shared/kb/phrasings';
import type { BenchArea, BenchRow } from './bench-area';
import { median, percentile } from './bench-area';
import { scaled } from './kb.bench';

/** A base-size Chinese sentence model's width (bge-base-zh, text2vec-base-chinese: 768; small ones 384–512). */
const DIMENSIONS = 768;
const QUERIES = 200;

/** Random unit vectors, seeded: stands in for the model, whose time is not what these rows measure. */
function randomEmbedder(seed: number): Embedder {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648 - 0.5;
  };
  const vector = (): Float32Array => {
    const v = Float32Array.from({ length: DIMENSIONS }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  return { key: `random-${seed}`, dimensions: DIMENSIONS, embed: (texts) => Promise.resolve(texts.map(vector)) };
}

/** Every row's dot product with the query, as the scan did before it ran in onnxruntime. */
function dotProducts(matrix: Float32Array, rows: number, query: Float32Array): Float32Array {
  const scores = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    let dot = 0;
    const at = row * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) dot += (matrix[at + d] as number) * (query[d] as number);
    scores[row] = dot;
  }
  return scores;
}

/**
 * The semantic model's share of a query that does not depend on the model: the scan of every article's vector
 * (50,000 articles × 768 numbers) for the nearest 20, and storing and reloading the vectors. The model's own time
 * (tokenizing and running the query through it, and the articles once) depends on the model a centre installs
 * and is not measured here; the vectors come from a random stand-in, which the row names say.
 */
export const semanticBench: BenchArea = {
  name: 'semantic',
  description: `semantic model without the model: nearest-article scan and vector store at ${(50_000).toLocaleString()} articles × ${DIMENSIONS} (random vectors)`,
  async run(): Promise<BenchRow[]> {
    const resources = path.resolve('resources');
    const articles = scaled(withShippedPhrasings(readArticlesFile(shippedArticlesFile(resources)), readShippedVocabulary(resources).phrasings));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semantic-bench-'));
    try {
      const db = openDatabase(path.join(dir, 'desk.sqlite3'));
      const kb = new KbService(db, resources);
      kb.applyArticleChanges({ version: 1, upserts: articles });
      kb.close();
      const scan = await CosineScan.open(resources);
      const vectors = new ArticleVectors(db, randomEmbedder(7), scan);
      let started = performance.now();
      await vectors.refresh();
      const storeS = (performance.now() - started) / 1000;
      // A restart: every vector read back, none computed.
      const reloaded = new ArticleVectors(db, randomEmbedder(7), scan);
      started = performance.now();
      await reloaded.refresh();
      const reloadS = (performance.now() - started) / 1000;
      const queries = await randomEmbedder(11).embed(Array.from({ length: QUERIES }, () => ''));
      const times: number[] = [];
      for (const [i, query] of queries.entries()) {
        started = performance.now();
        await reloaded.nearest(query, 20, i % 2 ? null : '沂水县');
        times.push(performance.now() - started);
      }
      // The reference in the same run: the same products in a plain JavaScript loop (what the scan replaced).
      const rows = reloaded.size;
      const matrix = Float32Array.from({ length: rows * DIMENSIONS }, (_, i) => Math.sin(i));
      const loopTimes: number[] = [];
      for (const query of queries.slice(0, 50)) {
        started = performance.now();
        dotProducts(matrix, rows, query);
        loopTimes.push(performance.now() - started);
      }
      await scan.close();
      const mb = (db.prepare<[], { bytes: number }>('SELECT sum(length(vector)) AS bytes FROM kb_vectors').get()?.bytes ?? 0) / 1e6;
      closeDatabase(db);
      const round = (n: number): number => Number(n.toFixed(3));
      const shape = `${reloaded.size.toLocaleString()} articles × ${DIMENSIONS}`;
      return [
        { key: 'kb.semantic_scan_p95_ms_50k_768d', value: round(percentile(times, 95)), unit: 'ms', note: `nearest 20 by cosine over ${shape} (onnxruntime MatMul, then the top 20 in JS), half with a district filter; median ${round(median(times))} ms; query vector given (model time excluded)` },
        { key: 'kb.semantic_scan_js_loop_p95_ms_50k_768d', value: round(percentile(loopTimes, 95)), unit: 'ms', note: `reference: the same dot products in a JavaScript loop (50 queries); median ${round(median(loopTimes))} ms` },
        { key: 'kb.semantic_vectors_store_s_50k_768d', value: round(storeS), unit: 's', note: `hash, save and load ${shape} (${mb.toFixed(0)} MB in kb_vectors); random vectors, model time excluded` },
        { key: 'kb.semantic_vectors_reload_s_50k_768d', value: round(reloadS), unit: 's', note: 'after a restart: every article hashed and its saved vector read back, none computed' },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
