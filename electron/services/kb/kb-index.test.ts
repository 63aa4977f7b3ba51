import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/kb/article';
import { buildIndex, readArticlesFile, readSynonymTable, shippedArticlesFile, shippedSynonymsFile } from './kb-engine';
import type { KbIndex } from './kb-index';

const resources = path.resolve(import.meta.dirname, '../../../resources');
let articles: Article[];
let index: KbIndex;

beforeAll(() => {
  articles = readArticlesFile(shippedArticlesFile(resources));
  index = buildIndex(articles, readSynonymTable(shippedSynonymsFile(resources)));
});

const titleOf = (id: string | undefined): string => articles.find((a) => a.id === id)?.title ?? '';

describe('knowledge search on the shipped articles', () => {
  it('finds 住房公积金 for 公积金, for the homophone typo 公基金, and for the initials gjj', () => {
    for (const query of ['公积金 提取', '公基金提取', 'gjj 提取']) {
      expect(titleOf(index.search(query)[0]?.id), query).toContain('公积金');
    }
  });

  it('never ranks an expired article above a current one', () => {
    for (const query of ['公积金贷款额度', '最低工资', '养老金调整', '契税']) {
      const statuses = index.search(query, { limit: 20 }).map((hit) => hit.status);
      const firstExpired = statuses.indexOf('已失效');
      if (firstExpired >= 0) expect(statuses.slice(firstExpired)).not.toContain('有效');
    }
  });

  it('puts the district version first when the query or the caller names the district, the city-wide one otherwise', () => {
    const local = articles.find((a) => a.scope === '沂水县' && a.title.includes('公积金'))!;
    expect(index.search('沂水 公积金贷款')[0]?.id).toBe(local.id);
    expect(index.search('公积金贷款', { district: '沂水县' })[0]?.id).toBe(local.id);
    expect(index.search('公积金贷款')[0]?.scope).toBe('全市');
  });

  it('follows synonyms callers use (讨薪 → 拖欠工资) and marks the matched words', () => {
    const [first] = index.search('讨薪');
    expect(`${first?.title ?? ''}${titleOf(first?.id)}`).toMatch(/欠薪|工资|薪/u);
    expect(first?.matched.length).toBeGreaterThan(0);
  });

  it('returns nothing for an empty query and copes with punctuation, English and very long input', () => {
    expect(index.search('   ')).toEqual([]);
    expect(() => index.search('？！…《》 ABC abc 123')).not.toThrow();
    expect(index.search('医保'.repeat(500)).length).toBeGreaterThan(0);
  });

  it('answers punctuation-only, 10,000-character and search-operator queries with results or an empty list, never an error', () => {
    expect(index.search('，。？！、；：“”《》…—')).toEqual([]);
    expect(index.search('公积金'.repeat(3_400)).length).toBeGreaterThan(0);
    for (const query of ['"公积金"', '公积金*', '医保 NEAR 报销', '医保 OR 社保', "'; DROP TABLE kb_articles; --", '(((', '\\']) {
      expect(() => index.search(query), query).not.toThrow();
    }
    expect(index.search('医保 OR 社保').length).toBeGreaterThan(0);
  });
});

