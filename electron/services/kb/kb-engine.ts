import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../../../shared/kb/article';
import { articleSchema } from '../../../shared/kb/article';
import { KbIndex } from './kb-index';
import type { SynonymTable } from './synonyms';
import { synonymTableSchema } from './synonyms';
import type { PhrasingTable } from '../../../shared/kb/phrasings';
import { EMPTY_PHRASINGS, withShippedPhrasings } from '../../../shared/kb/phrasings';
import { readPhrasingTable, shippedPhrasingsFile } from './phrasings';

/** Reads a JSON Lines file of articles, refusing the whole file (with the line number) if one line is malformed. */
export function readArticlesFile(file: string): Article[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = articleSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

export function readSynonymTable(file: string): SynonymTable {
  return synonymTableSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export const shippedSynonymsFile = (resourcesDir: string): string => path.join(resourcesDir, 'data', 'kb', 'synonyms.json');
export const shippedArticlesFile = (resourcesDir: string): string => path.join(resourcesDir, 'data', 'kb', 'articles.jsonl');

/** The index over the articles; articles without phrasings of their own get the shipped ones by id. */
export function buildIndex(articles: readonly Article[], synonyms: SynonymTable, phrasings: PhrasingTable = EMPTY_PHRASINGS): KbIndex {
  return KbIndex.build(withShippedPhrasings(articles, phrasings), synonyms);
}

/** What `resources/` ships beside the articles: the synonym table and the caller phrasings. */
export function readShippedVocabulary(resourcesDir: string): { synonyms: SynonymTable; phrasings: PhrasingTable } {
  return { synonyms: readSynonymTable(shippedSynonymsFile(resourcesDir)), phrasings: readPhrasingTable(shippedPhrasingsFile(resourcesDir)) };
}
