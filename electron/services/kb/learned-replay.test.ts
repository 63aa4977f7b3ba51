import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KbQuery } from '../../../scripts/eval/metrics';
import { readJsonLines, scoreKb } from '../../../scripts/eval/metrics';
import { LearnedExpansions, learnedExpansionsSnapshotSchema } from '../../../shared/kb/learned-expansions';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';
import { learningKeys } from './text-analysis';

/**
 * Simulated shifts from the held-out queries (test/data/heldout): for every matter asked more than once,
 * the first caller's query is replayed as operators finding and marking the article 有用; the later
 * callers' queries, in other words, are never replayed and are what is measured.
 */
const resources = path.resolve(import.meta.dirname, '../../../resources');
const articles = readArticlesFile(shippedArticlesFile(resources));
const status = new Map(articles.map((a) => [a.id, a.status]));
const vocabulary = readShippedVocabulary(resources);
const queries = readJsonLines(path.resolve(import.meta.dirname, '../../../test/data/heldout/kb-queries.jsonl')) as KbQuery[];

const firstAsked = new Map<string, KbQuery>();
const askedAgain: KbQuery[] = [];
for (const q of queries) {
  const matter = q.relevant[0] ?? '';
  if (firstAsked.has(matter)) askedAgain.push(q);
  else firstAsked.set(matter, q);
}
const replayed = [...firstAsked.values()].filter((q) => askedAgain.some((later) => later.relevant[0] === q.relevant[0]));

describe('learning query → article expansions from operators’ use of articles', () => {
  it('raises recall@3 and MRR@10 on later callers’ queries it never saw', () => {
    const index = buildIndex(articles, vocabulary.synonyms, vocabulary.phrasings);
    const rank = (q: string): string[] => index.search(q, { limit: 10 }).map((h) => h.id);
    const before = scoreKb(askedAgain, rank, status);
    const learned = new LearnedExpansions(learningKeys);
    for (const q of replayed) for (const kind of ['opened', 'copied', 'helpful'] as const) learned.record({ query: q.q, articleId: q.relevant[0] ?? '', kind });
    index.useLearned(learned);
    const after = scoreKb(askedAgain, rank, status);
    expect(askedAgain.every((q) => !replayed.includes(q))).toBe(true);
    expect(after.mrr_at_10).toBeGreaterThan(before.mrr_at_10);
    expect(after.recall_at_3).toBeGreaterThanOrEqual(before.recall_at_3);
  });

  it('brings in an article the words miss, marks it learned, and needs more than one stray click', () => {
    const index = buildIndex(articles, vocabulary.synonyms, vocabulary.phrasings);
    const target = articles.find((a) => a.status === '有效' && a.title.includes('法律援助'))!;
    const learned = new LearnedExpansions(learningKeys);
    index.useLearned(learned);
    expect(index.search('没人撑腰').map((h) => h.id)).not.toContain(target.id);
    learned.record({ query: '没人撑腰', articleId: target.id, kind: 'opened' });
    expect(index.search('没人撑腰').map((h) => h.id)).not.toContain(target.id);
    learned.record({ query: '受了欺负没人撑腰', articleId: target.id, kind: 'helpful' });
    const hit = index.search('没人撑腰').find((h) => h.id === target.id);
    expect(hit?.learned).toBe(true);
  });

  it('round-trips through its snapshot', () => {
    const learned = new LearnedExpansions(learningKeys, 4);
    learned.record({ query: '打白条', articleId: 'KB-0102', kind: 'helpful' });
    const copy = LearnedExpansions.fromSnapshot(learnedExpansionsSnapshotSchema.parse(JSON.parse(JSON.stringify(learned.snapshot()))), learningKeys);
    expect(copy.version).toBe(4);
    expect([...copy.expand('打白条')]).toEqual([...learned.expand('打白条')]);
  });
});
