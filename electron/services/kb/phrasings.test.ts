import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/kb/article';
import { withShippedPhrasings } from '../../../shared/kb/phrasings';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';

const resources = path.resolve(import.meta.dirname, '../../../resources');

const article = (overrides: Partial<Article>): Article => ({
  id: 'KB-9100',
  title: '婚姻状况证明开具',
  category: ['婚姻登记', '证明'],
  keywords: ['婚姻状况证明'],
  department: '临沂市民政局',
  scope: '全市',
  body: '【办理】到婚姻登记处查询婚姻登记记录。',
  updated_at: '2026-01-01',
  status: '有效',
  ...overrides,
});

describe('caller phrasings (相似问)', () => {
  it('every shipped article has shipped phrasings, and a bare articles file gets them by id', () => {
    const { phrasings } = readShippedVocabulary(resources);
    const articles = readArticlesFile(shippedArticlesFile(resources));
    expect(articles.every((a) => a.phrasings === undefined)).toBe(true);
    const filled = withShippedPhrasings(articles, phrasings);
    expect(filled.every((a) => (a.phrasings?.length ?? 0) > 0)).toBe(true);
  });

  it("an editor's own phrasings win over the shipped ones, even an emptied list", () => {
    const table = { version: 1, articles: { 'KB-9100': ['开单身证明'] } };
    expect(withShippedPhrasings([article({})], table)[0]?.phrasings).toEqual(['开单身证明']);
    expect(withShippedPhrasings([article({ phrasings: ['证明没结婚'] })], table)[0]?.phrasings).toEqual(['证明没结婚']);
    expect(withShippedPhrasings([article({ phrasings: [] })], table)[0]?.phrasings).toEqual([]);
  });

  it('finds an article by a phrasing that shares no word with its title, keywords or body, and says which phrasing', () => {
    const other = article({ id: 'KB-9101', title: '结婚登记', keywords: ['结婚登记'], body: '【材料】身份证、户口簿。' });
    const empty = { version: 0, groups: [] };
    const without = buildIndex([article({}), other], empty);
    expect(without.search('打光棍').map((h) => h.id)).not.toContain('KB-9100');
    const withPhrasing = buildIndex([article({ phrasings: ['还在打光棍要开证明'] }), other], empty);
    const [first] = withPhrasing.search('打光棍');
    expect(first?.id).toBe('KB-9100');
    expect(first?.phrasing).toBe('还在打光棍要开证明');
    expect(first?.matched).toContain('光棍');
  });
});
