import type { Jieba } from '@node-rs/jieba';
import { pinyin } from 'pinyin-pro';
import { sharedJieba } from '../dispatch/jieba-segmenter';
import { learningKeysWith } from '../../../shared/kb/learned-expansions';

/**
 * Turns Chinese text into index terms. Operators type two or three words,
 * often with a homophone typo (公基金, 社宝卡) or pinyin initials (gjj), so
 * one text yields several kinds of term:
 * - `w:` words from jieba (dictionary segmentation: 公积金, 租房 stay whole);
 * - `b:` character bigrams, which catch words jieba splits differently;
 * - `p:` toneless pinyin of each word, which makes homophone typos match;
 * - `i:` pinyin initials of each word (gjj), for the common abbreviations.
 */

function segmenter(): Jieba {
  return sharedJieba();
}

export type TermKind = 'w' | 'b' | 'p' | 'i';

const CJK_RUN = /[\u3400-\u9fff]+/gu;
const ASCII_WORD = /[a-z0-9]+/gu;
const pinyinCache = new Map<string, { full: string; initials: string }>();

function pinyinOf(word: string): { full: string; initials: string } {
  let cached = pinyinCache.get(word);
  if (!cached) {
    const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true });
    cached = { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
    pinyinCache.set(word, cached);
  }
  return cached;
}

/** The sound term of a stretch of Chinese (its toneless pinyin), as the index and the queries write it. */
export function soundTerm(text: string): string {
  return `p:${pinyinOf(text).full}`;
}

/**
 * Index terms with their counts. `withSound` adds the pinyin and initials
 * terms: worth it for titles and keywords (where a typo must still land), too
 * costly for long answer scripts.
 */
export function indexTerms(text: string, withSound = true): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string): void => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
  };
  const lower = text.toLowerCase();
  for (const word of segmenter().cutForSearch(lower, true)) {
    if (!/[\u3400-\u9fff]/u.test(word)) {
      if (/^[a-z0-9]{2,}$/u.test(word)) add(`w:${word}`);
      continue;
    }
    if (word.length < 2) continue;
    add(`w:${word}`);
    if (withSound && word.length <= 4) {
      const { full, initials } = pinyinOf(word);
      add(`p:${full}`);
      add(`i:${initials}`);
    }
  }
  for (const run of lower.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) add(`b:${run.slice(i, i + 2)}`);
  }
  return terms;
}

export interface QueryTerm {
  term: string;
  /** The text that produced it, for highlighting. */
  surface: string;
  weight: number;
}

const KIND_WEIGHT: Record<TermKind, number> = { w: 1, b: 0.45, p: 0.6, i: 0.8 };

/**
 * Terms of what the operator typed. Besides the words, the pinyin of every
 * 2–4 character stretch is tried, because a typo (公基金) is exactly what
 * segments badly; ASCII letters are read as pinyin initials.
 */
export function queryTerms(query: string, weight = 1): QueryTerm[] {
  const out = new Map<string, QueryTerm>();
  const add = (term: string, surface: string, w: number): void => {
    const existing = out.get(term);
    if (!existing || existing.weight < w) out.set(term, { term, surface, weight: w });
  };
  const lower = query.toLowerCase();
  for (const word of segmenter().cut(lower, true)) {
    if (/[\u3400-\u9fff]/u.test(word) && word.length >= 2) add(`w:${word}`, word, KIND_WEIGHT.w * weight);
  }
  for (const run of lower.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) add(`b:${run.slice(i, i + 2)}`, run.slice(i, i + 2), KIND_WEIGHT.b * weight);
    for (let size = 2; size <= 4; size++) {
      for (let i = 0; i + size <= run.length; i++) {
        const part = run.slice(i, i + size);
        add(`p:${pinyinOf(part).full}`, part, KIND_WEIGHT.p * weight);
      }
    }
    // A lone character (a one-character query) can only match as part of a bigram.
    if (run.length === 1) add(`w:${run}`, run, KIND_WEIGHT.w * weight);
  }
  for (const word of lower.match(ASCII_WORD) ?? []) {
    add(`i:${word}`, word, KIND_WEIGHT.i * weight);
    add(`w:${word}`, word, KIND_WEIGHT.w * weight);
  }
  return [...out.values()];
}

/**
 * The words and bigrams of a query, as keys for what the centre learns from operators' use of articles: the
 * shared definition the hub trains with, over this process's jieba.
 */
export const learningKeys = learningKeysWith((text) => segmenter().cut(text, true));
