import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';
import { openSavedIndex, saveIndex } from './kb-saved-index';
import { withShippedPhrasings } from '../../../shared/kb/phrasings';

const resources = path.resolve(import.meta.dirname, '../../../resources');

describe('saved knowledge index', () => {
  it('answers exactly as the index it was saved from, reading the articles behind the hits only', () => {
    const { synonyms, phrasings } = readShippedVocabulary(resources);
    const articles = withShippedPhrasings(readArticlesFile(shippedArticlesFile(resources)), phrasings);
    const built = buildIndex(articles, synonyms);
    const file = path.join(tempDir(), 'kb-index-0123456789abcdef.bin');
    saveIndex(file, built, 'hash-of-the-articles');
    const byId = new Map(articles.map((a) => [a.id, a]));
    const read: string[] = [];
    const { index, hash } = openSavedIndex(file, (id) => {
      read.push(id);
      return byId.get(id);
    });
    expect(hash).toBe('hash-of-the-articles');
    for (const query of ['公积金 提取', '公基金提取', 'gjj', '沂水 公积金贷款', '讨薪', '社宝卡丢了', '医']) {
      expect(index.search(query, { limit: 10 }), query).toEqual(built.search(query, { limit: 10 }));
    }
    expect(read.length).toBeLessThanOrEqual(7 * 10);
    index.close();
  });

  it('refuses a truncated file with a clear error', () => {
    const { synonyms } = readShippedVocabulary(resources);
    const built = buildIndex(readArticlesFile(shippedArticlesFile(resources)).slice(0, 20), synonyms);
    const file = path.join(tempDir(), 'kb-index-0123456789abcdef.bin');
    saveIndex(file, built, 'h');
    fs.truncateSync(file, fs.statSync(file).size - 4);
    expect(() => openSavedIndex(file, () => undefined)).toThrow(/bytes, expected/);
  });
});
