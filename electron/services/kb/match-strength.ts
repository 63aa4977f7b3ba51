import type { SynonymBridge } from './synonyms';
import { soundTerm } from './text-analysis';

/**
 * How much of what the operator typed an article accounts for, 0–1: the
 * search's own measure of a good match, independent of how many articles
 * the query happened to touch. The ranking score cannot say this: it is
 * relative to the query's best article, so the best of a poor lot scores as
 * high as a clear answer.
 *
 * The query is cut into units (each two-character stretch of Chinese, each
 * ASCII word such as pinyin initials), weighted by rarity in the knowledge
 * base; a unit the knowledge base has never seen weighs as much as the
 * rarest one, because a word no article uses is exactly what a question
 * outside the knowledge base looks like. A unit counts as found when the
 * article holds it, holds a stretch around it by sound (a homophone typo),
 * or holds another member of a synonym group the stretch belongs to.
 */
export interface QueryUnit {
  weight: number;
  /** Any one of these term sets, held in full, finds the unit. */
  alternatives: string[][];
}

const CJK_RUN = /[\u3400-\u9fff]+/gu;
const ASCII_WORD = /[a-z0-9]+/gu;

export function queryUnits(query: string, bridges: readonly SynonymBridge[], rarity: (term: string) => number | undefined, rarest: number): QueryUnit[] {
  const text = query.toLowerCase();
  const units: QueryUnit[] = [];
  const weigh = (term: string): number => rarity(term) ?? rarest;
  for (const run of text.match(CJK_RUN) ?? []) {
    // A lone character is indexed only inside bigrams and says little on its own: not a unit.
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = `b:${run.slice(i, i + 2)}`;
      const alternatives = [[bigram]];
      // Stretches of 2–4 characters around the bigram, by sound: 公基金 is found in an article about 公积金.
      for (let start = Math.max(0, i - 2); start <= i; start++) {
        for (let end = i + 2; end <= Math.min(run.length, start + 4); end++) alternatives.push([soundTerm(run.slice(start, end))]);
      }
      const stretchText = run.slice(i, i + 2);
      for (const bridge of bridges) {
        if (!bridge.stretch.includes(stretchText)) continue;
        for (const other of bridge.others) alternatives.push(termsOf(other));
      }
      units.push({ weight: weigh(bigram), alternatives: alternatives.filter((terms) => terms.length > 0) });
    }
  }
  for (const word of text.match(ASCII_WORD) ?? []) {
    units.push({ weight: Math.max(weigh(`i:${word}`), weigh(`w:${word}`)) || rarest, alternatives: [[`i:${word}`], [`w:${word}`]] });
  }
  return units;
}

/** The share of the units' weight that the article finds (`holds` answers for one article). */
export function matchStrength(units: readonly QueryUnit[], holds: (term: string) => boolean): number {
  let total = 0;
  let found = 0;
  for (const unit of units) {
    total += unit.weight;
    if (unit.alternatives.some((terms) => terms.every(holds))) found += unit.weight;
  }
  return total > 0 ? found / total : 0;
}

/** The terms an article must hold to contain a synonym member: its bigrams, or the word itself when short or ASCII. */
function termsOf(member: string): string[] {
  const text = member.toLowerCase();
  const runs = text.match(CJK_RUN) ?? [];
  const terms: string[] = [];
  for (const run of runs) {
    if (run.length === 1) terms.push(`w:${run}`);
    for (let i = 0; i + 1 < run.length; i++) terms.push(`b:${run.slice(i, i + 2)}`);
  }
  for (const word of text.match(ASCII_WORD) ?? []) terms.push(`w:${word}`);
  return terms;
}
