import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import MiniSearch from 'minisearch';
import type { Article } from '../../shared/kb/article';
import { buildIndex, readArticlesFile, readShippedVocabulary, readSynonymTable, shippedArticlesFile, shippedSynonymsFile } from '../../electron/services/kb/kb-engine';
import { withShippedPhrasings } from '../../shared/kb/phrasings';
import { closeDatabase, openDatabase } from '../../electron/services/db/database';
import { KbService } from '../../electron/services/kb/kb-service';
import { refreshSavedIndex } from '../../electron/services/kb/kb-saved-index';
import type { BenchArea, BenchRow } from './bench-area';
import { percentile } from './bench-area';

const SCALED = 50_000;
const QUERY_ARTICLES = 60;
const DISTRICTS = ['兰山区', '罗庄区', '河东区', '沂南县', '郯城县', '沂水县', '兰陵县', '费县', '平邑县', '莒南县', '蒙阴县', '临沭县'];

/** 50,000 articles from the shipped ones: local versions per district and year, with the body's paragraphs rotated. */
export function scaled(base: readonly Article[]): Article[] {
  const out: Article[] = [];
  for (let i = 0; out.length < SCALED; i++) {
    const source = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const district = DISTRICTS[round % DISTRICTS.length]!;
    const lines = source.body.split('\n');
    const shift = round % Math.max(1, lines.length);
    out.push({
      ...source,
      id: `S-${i}`,
      title: round === 0 ? source.title : `${source.title}（${district}${2000 + (round % 27)}年口径）`,
      scope: round === 0 ? source.scope : district,
      body: [...lines.slice(shift), ...lines.slice(0, shift)].join('\n'),
      status: round > 0 && round % 7 === 0 ? '已失效' : source.status,
    });
  }
  return out;
}

/** What operators type: two keywords of an article, measured at every keystroke. */
function queriesFrom(articles: readonly Article[]): { text: string; relevant: string }[] {
  const current = articles.filter((a) => a.status === '有效' && a.scope === '全市');
  const step = Math.max(1, Math.floor(current.length / QUERY_ARTICLES));
  return current
    .filter((_, i) => i % step === 0)
    .slice(0, QUERY_ARTICLES)
    .map((a) => ({ text: a.keywords.slice(0, 2).join(' '), relevant: a.id }));
}

const keystrokes = (text: string): string[] => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter((q) => q.trim());

type Engine = (query: string) => string[];

function timeKeystrokes(engine: Engine, queries: readonly { text: string }[]): number[] {
  const times: number[] = [];
  for (const { text } of queries) {
    for (const prefix of keystrokes(text)) {
      const started = performance.now();
      engine(prefix);
      times.push(performance.now() - started);
    }
  }
  return times;
}

function recallAt3(engine: Engine, queries: readonly { text: string; relevant: string }[]): number {
  return queries.filter((q) => engine(q.text).slice(0, 3).includes(q.relevant)).length / queries.length;
}

function ours(articles: readonly Article[], synonymsFile: string): { engine: Engine; buildS: number } {
  const started = performance.now();
  const index = buildIndex(articles, readSynonymTable(synonymsFile));
  const buildS = (performance.now() - started) / 1000;
  return { engine: (q) => index.search(q, { limit: 10 }).map((h) => h.id), buildS };
}

/** The reference: MiniSearch with the same jieba words and field boosts, expired articles filtered out. */
function reference(articles: readonly Article[]): { engine: Engine; buildS: number } {
  const jieba = Jieba.withDict(dict);
  const tokenize = (text: string): string[] => jieba.cutForSearch(text.toLowerCase(), true).filter((w) => w.trim());
  const started = performance.now();
  const mini = new MiniSearch<Article>({ fields: ['title', 'keywords', 'body'], storeFields: ['status'], tokenize, extractField: (doc, field) => (field === 'keywords' ? doc.keywords.join(' ') : String(doc[field as keyof Article])) });
  mini.addAll(articles);
  const buildS = (performance.now() - started) / 1000;
  return {
    engine: (q) =>
      mini
        .search(q, { boost: { title: 3, keywords: 2.5 }, filter: (r) => r.status === '有效' })
        .slice(0, 10)
        .map((r) => String(r.id)),
    buildS,
  };
}

/**
 * A desk whose replica holds the 50,000 articles and whose saved index was built from them (as the worker
 * leaves it): the time from opening the desk database and starting the knowledge service to the first
 * query answered with results, while the worker checks the saved index against the replica.
 */
async function firstQueryAfterStart(articles: readonly Article[], query: string): Promise<{ ms: number; savedBuildS: number; savedMb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
  const file = path.join(dir, 'desk.sqlite3');
  try {
    const seeding = openDatabase(file);
    const seeder = new KbService(seeding, path.resolve('resources'));
    seeder.applyArticleChanges({ version: 1, upserts: articles });
    seeder.close();
    closeDatabase(seeding);
    const saved = refreshSavedIndex(file, path.join(dir, 'kb-index'));
    const started = performance.now();
    const db = openDatabase(file);
    const kb = new KbService(db, path.resolve('resources'));
    kb.start();
    const hits = await kb.search({ query });
    const ms = performance.now() - started;
    if (hits.length === 0) throw new Error(`no hits for ${query} after start`);
    await kb.whenCurrent();
    kb.close();
    closeDatabase(db);
    return { ms, savedBuildS: saved.buildMs / 1000, savedMb: fs.statSync(saved.file).size / 1e6 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const kbBench: BenchArea = {
  name: 'kb',
  description: `knowledge search per keystroke: shipped KB and ${SCALED.toLocaleString()} generated articles, our index beside MiniSearch (same jieba words)`,
  async run(): Promise<BenchRow[]> {
    const resources = path.resolve('resources');
    // With the shipped caller phrasings, as desks search them (the generated articles inherit their source's).
    const shipped = withShippedPhrasings(readArticlesFile(shippedArticlesFile(resources)), readShippedVocabulary(resources).phrasings);
    const synonymsFile = shippedSynonymsFile(resources);
    const queries = queriesFrom(shipped);
    const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

    const small = ours(shipped, synonymsFile);
    const smallRef = reference(shipped);
    const smallTimes = timeKeystrokes(small.engine, queries);
    const big = scaled(shipped);
    const large = ours(big, synonymsFile);
    const largeRef = reference(big);
    const largeTimes = timeKeystrokes(large.engine, queries);
    const largeRefTimes = timeKeystrokes(largeRef.engine, queries);
    const start = await firstQueryAfterStart(big, queries[0]?.text ?? '公积金');

    return [
      { key: 'kb.query_p50_ms', value: round(percentile(smallTimes, 50)), unit: 'ms', note: `shipped KB (${shipped.length} articles), ${smallTimes.length} keystrokes` },
      { key: 'kb.query_p95_ms', value: round(percentile(smallTimes, 95)), unit: 'ms' },
      { key: 'kb.query_p50_ms_50k', value: round(percentile(largeTimes, 50)), unit: 'ms', note: `${big.length} articles` },
      { key: 'kb.query_p95_ms_50k', value: round(percentile(largeTimes, 95)), unit: 'ms', note: 'target ≤ 10 ms' },
      { key: 'kb.reference_p95_ms_50k', value: round(percentile(largeRefTimes, 95)), unit: 'ms', note: 'MiniSearch 7, same queries, same run' },
      { key: 'kb.index_build_s_50k', value: round(large.buildS), unit: 's', note: 'in memory, one thread' },
      { key: 'kb.first_query_after_start_ms', value: round(start.ms, 1), unit: 'ms', note: `${big.length} articles: open the desk database, start the KB service (saved index), first query with results` },
      { key: 'kb.saved_index_build_s_50k', value: round(start.savedBuildS), unit: 's', note: `what the worker thread does after a change: hash, build, write ${start.savedMb.toFixed(0)} MB` },
      { key: 'kb.reference_build_s_50k', value: round(largeRef.buildS), unit: 's' },
      { key: 'kb.recall_at_3_generated', value: round(recallAt3(small.engine, queries)), unit: '', note: `${queries.length} two-keyword queries on the shipped KB` },
      { key: 'kb.reference_recall_at_3_generated', value: round(recallAt3(smallRef.engine, queries)), unit: '', note: 'MiniSearch, same queries' },
    ];
  },
};
