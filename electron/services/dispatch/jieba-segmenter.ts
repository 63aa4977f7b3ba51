import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { Segmenter } from '../../../shared/dispatch/text-terms';

let jieba: Jieba | null = null;

/** The process's one jieba (dispatch and knowledge search share it: the dictionary is the slow part of a first query). */
export function sharedJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * jieba with its full dictionary (about 0.2 s to load, so once per process).
 * Search mode also yields the shorter words inside long ones (`住房公积金` →
 * `住房`, `公积金`, …), which is what matching against short keywords needs.
 */
export function jiebaSegmenter(): Segmenter {
  // Loaded on the first use, not at start-up: a desk that never dispatches never pays for it.
  return (text) => sharedJieba().cutForSearch(text, true);
}
