/**
 * The figures the README reports: every set (dev fold A = tuned on, dev fold B = never tuned on, the
 * held-out sets in test/data/heldout) × engine and plain baseline × metric.
 *   npm run --silent eval:report -- [--json]
 * Dev sets are read from KB_DEV / DISPATCH_DEV (paths to the shared dev files) when set; without them only
 * the held-out rows are printed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from '../../electron/services/kb/kb-engine';
import { jiebaSegmenter } from '../../electron/services/dispatch/jieba-segmenter';
import { readRegions } from '../../electron/services/dispatch/dispatch-service';
import { readSeed } from '../../electron/services/dispatch/duty-replica';
import { buildDutyIndex } from '../../shared/dispatch/duty-index';
import { buildDirectory } from '../../shared/dispatch/lead-resolution';
import { suggestDispatch } from '../../shared/dispatch/suggest';
import { bigramSearch, keywordDispatch } from './baselines';
import type { DispatchTicket, KbQuery } from './metrics';
import { foldOf, readJsonLines, scoreDispatch, scoreKb } from './metrics';

const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const root = path.resolve(import.meta.dirname, '../..');
const resources = path.join(root, 'resources');
const heldout = path.join(root, 'test', 'data', 'heldout');

const rows: Record<string, string | number>[] = [];

// Knowledge
const articles = readArticlesFile(shippedArticlesFile(resources));
const status = new Map(articles.map((a) => [a.id, a.status]));
const vocabulary = readShippedVocabulary(resources);
const index = buildIndex(articles, vocabulary.synonyms, vocabulary.phrasings);
const engine = (q: string): string[] => index.search(q, { limit: 10 }).map((h) => h.id);
const baseline = bigramSearch(articles);
const kbSets: [string, KbQuery[]][] = [];
if (process.env.KB_DEV) {
  const dev = readJsonLines(process.env.KB_DEV) as KbQuery[];
  kbSets.push(['kb dev fold A (tuned)', dev.filter((q) => foldOf(q.q) === 'a')], ['kb dev fold B (untuned)', dev.filter((q) => foldOf(q.q) === 'b')]);
}
kbSets.push(['kb held-out', readJsonLines(path.join(heldout, 'kb-queries.jsonl')) as KbQuery[]]);
for (const [set, queries] of kbSets) {
  for (const [name, rank] of [['engine', engine], ['baseline: bigrams', baseline]] as const) {
    const s = scoreKb(queries, rank, status);
    rows.push({ set, engine: name, n: s.n, 'recall@3': s.recall_at_3.toFixed(3), 'MRR@10': s.mrr_at_10.toFixed(3) });
  }
}

// Dispatch
const seed = readSeed(resources);
const segment = jiebaSegmenter();
const dutyIndex = buildDutyIndex(seed.duties, seed.departments, readRegions(resources), segment);
const dispatchEngine = (t: DispatchTicket): string[] =>
  suggestDispatch(dutyIndex, { text: t.text, district: t.district }, segment).flatMap((s) => (s.departmentId ? [s.departmentId] : []));
const dispatchBaseline = keywordDispatch(seed.duties, buildDirectory(seed.departments));
const dispatchSets: [string, DispatchTicket[]][] = [];
if (process.env.DISPATCH_DEV) {
  const dev = readJsonLines(process.env.DISPATCH_DEV) as DispatchTicket[];
  dispatchSets.push(['dispatch dev fold A (tuned)', dev.filter((t) => foldOf(t.id) === 'a')], ['dispatch dev fold B (untuned)', dev.filter((t) => foldOf(t.id) === 'b')]);
}
dispatchSets.push(['dispatch held-out', readJsonLines(path.join(heldout, 'dispatch-tickets.jsonl')) as DispatchTicket[]]);
const everyday = readJsonLines(path.join(heldout, 'dispatch-tickets-everyday.jsonl')) as (DispatchTicket & { kind: string })[];
dispatchSets.push(['dispatch held-out, everyday words', everyday]);
for (const kind of ['plain', 'negation', 'place_in_text']) dispatchSets.push([`  of which ${kind}`, everyday.filter((t) => t.kind === kind)]);
for (const [set, tickets] of dispatchSets) {
  for (const [name, suggest] of [['engine', dispatchEngine], ['baseline: keywords', dispatchBaseline]] as const) {
    const s = scoreDispatch(tickets, suggest);
    rows.push({ set, engine: name, n: s.n, 'top-1': s.top1.toFixed(3), 'top-3': s.top3.toFixed(3) });
  }
}

if (values.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
else console.table(rows);
