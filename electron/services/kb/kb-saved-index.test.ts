import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from './kb-engine';
import { checkSavedEntries, openSavedIndex, saveIndex } from './kb-saved-index';
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

  it('refuses a file whose tables are damaged before answering from it, and finds damaged entries on the full check', () => {
    const { synonyms } = readShippedVocabulary(resources);
    const articles = readArticlesFile(shippedArticlesFile(resources)).slice(0, 50);
    const built = buildIndex(articles, synonyms);
    const file = path.join(tempDir(), 'kb-index-0123456789abcdef.bin');
    saveIndex(file, built, 'h');
    const bytes = fs.readFileSync(file);
    expect(checkSavedEntries(file)).toBe(true);
    const headerEnd = 12 + bytes.readUInt32LE(8);
    const entries = JSON.parse(bytes.subarray(12, headerEnd).toString('utf8')) as { entries: number };

    // One byte of an article's id (the tables follow the header) changed: same size, refused at open.
    const tables = Buffer.from(bytes);
    const idAt = tables.length - 12 * entries.entries - 8;
    tables[idAt] = (tables[idAt] ?? 0) ^ 0xff;
    fs.writeFileSync(file, tables);
    expect(() => openSavedIndex(file, () => undefined)).toThrow(/tables are damaged/);

    // One byte of the entries changed: it opens (the check is the worker's), and the full check finds it.
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 3] = (damaged[damaged.length - 3] ?? 0) ^ 0xff;
    fs.writeFileSync(file, damaged);
    expect(checkSavedEntries(file)).toBe(false);
    openSavedIndex(file, () => undefined).index.close();
  });
});
