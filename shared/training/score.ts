import type { Disposition, PracticeExpectation } from './scenario';

/**
 * Scoring a practice call (练习评分): each item is right or wrong, and the
 * score is the share of right items out of 100. Pure, so the services score
 * what they store and the tests pin the rules down.
 *
 * Items: request type; category level 1; category level 2 (right only with
 * the right level 1: names such as 窗口服务 occur under several); the
 * disposition (转办 or 直接答复); the lead department, when the scenario is a
 * transfer or the trainee chose to transfer it.
 */

export interface PracticeAnswer {
  requestType: string | null;
  /** The category path chosen in the form: [] when none, [level1] or [level1, level2]. */
  category: readonly string[];
  /** The lead department chosen for a transfer; null: answered directly (no transfer). */
  lead: string | null;
}

export const scoreItemIds = ['requestType', 'category1', 'category2', 'disposition', 'lead'] as const;
export type ScoreItemId = (typeof scoreItemIds)[number];

export interface ScoreItem {
  id: ScoreItemId;
  correct: boolean;
  /** What the trainee gave (null: nothing) and what was expected, as stored values (department ids, dispositions). */
  given: string | null;
  expected: string;
}

export interface PracticeScore {
  items: ScoreItem[];
  right: number;
  total: number;
  /** 0–100, rounded. */
  score: number;
}

function item(id: ScoreItemId, given: string | null, expected: string, correct = given === expected): ScoreItem {
  return { id, correct, given, expected };
}

export function dispositionOf(answer: PracticeAnswer): Disposition {
  return answer.lead === null ? 'answer' : 'transfer';
}

export function scorePractice(expected: PracticeExpectation, answer: PracticeAnswer): PracticeScore {
  const [top = null, sub = null] = answer.category;
  const [expectedTop, expectedSub] = expected.category;
  const disposition = dispositionOf(answer);
  const items = [
    item('requestType', answer.requestType, expected.requestType),
    item('category1', top, expectedTop),
    item('category2', sub, expectedSub, top === expectedTop && sub === expectedSub),
    item('disposition', disposition, expected.disposition),
  ];
  // A transfer scenario always asks who leads; a consultation only when the trainee sent it somewhere.
  if (expected.disposition === 'transfer' || disposition === 'transfer') items.push(item('lead', answer.lead, expected.lead));
  const right = items.filter((i) => i.correct).length;
  return { items, right, total: items.length, score: Math.round((100 * right) / items.length) };
}

/** The mean score of a trainee's results, to one decimal; null when there are none. */
export function averageScore(results: readonly { score: number }[]): number | null {
  if (results.length === 0) return null;
  const sum = results.reduce((total, r) => total + r.score, 0);
  return Math.round((10 * sum) / results.length) / 10;
}
