import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../../../shared/kb/article';
import { articleSchema } from '../../../shared/kb/article';
import { KbIndex } from './kb-index';
import type { SynonymTable } from './synonyms';
import { SynonymExpander, synonymTableSchema } from './synonyms';

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

export function buildIndex(articles: readonly Article[], synonyms: SynonymTable): KbIndex {
  return new KbIndex(articles, new SynonymExpander(synonyms));
}
