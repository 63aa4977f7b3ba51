// Scores knowledge search on a query set: recall@3 and MRR@10, as the KB data's README defines them.
// Usage: npm run --silent kb:eval -- <articles.jsonl> <queries.jsonl> [--json] [--misses]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { KbQuery } from './eval/metrics';
import { scoreKb } from './eval/metrics';
import { isWeakMatch } from '../shared/kb/search';
import { buildIndex, readArticlesFile, readShippedVocabulary, readSynonymTable } from '../electron/services/kb/kb-engine';


const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean' }, misses: { type: 'boolean' }, synonyms: { type: 'string' } },
});
const [articlesFile, queriesFile] = positionals;
if (!articlesFile || !queriesFile) {
  console.error('usage: npm run --silent kb:eval -- <articles.jsonl> <queries.jsonl> [--json] [--misses]');
  process.exit(2);
}

const articles = readArticlesFile(articlesFile);
const status = new Map(articles.map((a) => [a.id, a.status]));
const queries = fs
  .readFileSync(queriesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as KbQuery);
// A bare articles file works: the shipped synonyms and caller phrasings come from resources/ by article id.
const shipped = readShippedVocabulary(path.resolve(import.meta.dirname, '..', 'resources'));
const index = buildIndex(articles, values.synonyms ? readSynonymTable(values.synonyms) : shipped.synonyms, shipped.phrasings);

const misses: string[] = [];
let weak = 0;
const scored = scoreKb(
  queries,
  (q) => {
    const hits = index.search(q, { limit: 10 });
    if (isWeakMatch(hits)) weak++;
    return hits.map((hit) => hit.id);
  },
  status,
  misses,
);
// The share of queries for which the pane would say nothing matches well: on a set of answerable queries the
// lower the better, on a set of questions outside the knowledge base (empty `relevant`) the higher the better.
const result = { ...scored, weak_share: scored.n ? weak / scored.n : 0 };
const n = result.n;

if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  console.table([{ queries: n, 'recall@3': result.recall_at_3.toFixed(3), 'MRR@10': result.mrr_at_10.toFixed(3), 'weak match': result.weak_share.toFixed(3) }]);
  if (values.misses) for (const line of misses) console.log(line);
}
