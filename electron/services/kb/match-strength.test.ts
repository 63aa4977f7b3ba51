import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isWeakMatch, WEAK_MATCH_BELOW } from '../../../shared/kb/search';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';
import type { KbIndex } from './kb-index';
import { matchStrength, queryUnits } from './match-strength';

const resources = path.resolve(import.meta.dirname, '../../../resources');
let index: KbIndex;
const best = (query: string): { strength: number; title: string } => {
  const hit = index.search(query, { limit: 5 }).find((h) => h.status !== '已失效');
  return { strength: hit?.strength ?? 0, title: hit?.title ?? '' };
};

describe('match strength: how much of the query the best article accounts for', () => {
  beforeAll(() => {
    const { synonyms, phrasings } = readShippedVocabulary(resources);
    index = buildIndex(readArticlesFile(shippedArticlesFile(resources)), synonyms, phrasings);
  });

  it('is high for a query in the article’s own words and low for a question the knowledge base does not cover', () => {
    expect(best('公积金 租房 提取').strength).toBeGreaterThanOrEqual(0.9);
    expect(best('快递丢件怎么赔').strength).toBeLessThan(WEAK_MATCH_BELOW);
  });

  it('counts a homophone typo and a synonym as found, not as missing words', () => {
    const typo = best('公基金 租房 提取');
    expect(typo.title).toContain('租房');
    expect(typo.strength).toBeGreaterThanOrEqual(0.9);
    // 讨薪: the articles say 欠薪 / 拖欠工资; the synonym table bridges them.
    expect(best('讨薪').strength).toBeGreaterThanOrEqual(WEAK_MATCH_BELOW);
  });

  it('falls when the query adds words no article holds, whatever the ranking score', () => {
    const plain = index.search('公积金提取', { limit: 1 })[0];
    const padded = index.search('公积金提取 火星 签证 比特币', { limit: 1 })[0];
    expect(plain?.strength).toBeGreaterThan(padded?.strength ?? 1);
  });

  it('weighs units by rarity: an article holding only the common unit scores below one holding the rare one', () => {
    const units = queryUnits('甲乙 丙丁', [], (term) => (term === 'b:甲乙' ? 0.5 : 5), 9);
    expect(matchStrength(units, (term) => term === 'b:甲乙')).toBeCloseTo(0.5 / 5.5);
    expect(matchStrength(units, (term) => term === 'b:丙丁')).toBeCloseTo(5 / 5.5);
    // A synonym member held in full finds the stretch it bridges.
    const bridged = queryUnits('讨薪', [{ stretch: '讨薪', member: '讨薪', group: 0, others: ['欠薪'] }], () => 1, 9);
    expect(matchStrength(bridged, (term) => term === 'b:欠薪')).toBe(1);
  });
});

describe('isWeakMatch', () => {
  it('judges the best current article; a learned one (the centre’s own use) is never weak', () => {
    expect(isWeakMatch([])).toBe(true);
    expect(isWeakMatch([{ strength: 0.9, status: '已失效' }])).toBe(true);
    expect(isWeakMatch([{ strength: 0.1, status: '已失效' }, { strength: 0.8, status: '有效' }])).toBe(false);
    expect(isWeakMatch([{ strength: 0.1, status: '有效', learned: true }])).toBe(false);
    expect(isWeakMatch([{ strength: WEAK_MATCH_BELOW - 0.01, status: '有效' }])).toBe(true);
  });
});
