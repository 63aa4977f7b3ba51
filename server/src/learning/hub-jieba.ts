import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

/**
 * The hub's jieba, with the same full dictionary and modes as the desks' (electron/services/dispatch/
 * jieba-segmenter.ts): a word the hub learns must be the word a desk cuts from the same text. Loaded on the
 * first retraining, not at start.
 */
function shared(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Search mode, as the desk's dispatch features read a ticket. */
export const dispatchSegmenter = (text: string): string[] => shared().cutForSearch(text, true);

/** Precise mode with HMM, as the desk's knowledge search reads a query. */
export const queryCut = (text: string): string[] => shared().cut(text, true);
