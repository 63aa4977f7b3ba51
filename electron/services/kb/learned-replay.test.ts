import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayKbShifts } from '../../../scripts/eval/replay';
import { LearnedExpansions, learnedExpansionsSnapshotSchema } from '../../../shared/kb/learned-expansions';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';
import { learningKeys } from './text-analysis';

const resources = path.resolve(import.meta.dirname, '../../../resources');
const articles = readArticlesFile(shippedArticlesFile(resources));
const vocabulary = readShippedVocabulary(resources);

describe('learning query → article expansions from operators’ use of articles', () => {
  // Simulated shifts from the held-out queries: see scripts/eval/replay.ts.
  it('raises recall@3 and MRR@10 on later callers’ queries it never saw', () => {
    const { replayed, askedAgain, before, after } = replayKbShifts();
    expect(replayed).toBeGreaterThan(10);
    expect(askedAgain.length).toBeGreaterThan(10);
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
