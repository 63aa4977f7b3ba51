/**
 * Break reasons travel and are stored as codes; each language words them
 * (status.breakReasons.<code>). The centre's board limits are keyed by its own
 * Chinese words (用餐 30 min …), so a code also knows that word, and text an
 * older desk reported (小休 or, from an English desk, "Meal") still reads as its code.
 */
export const breakReasonCodes = ['rest', 'meal', 'meeting'] as const;
export type BreakReasonCode = (typeof breakReasonCodes)[number];

/** The centre's word for each code: the key its board limits use. */
export const centreWordOfBreakReason: Readonly<Record<BreakReasonCode, string>> = { rest: '小休', meal: '用餐', meeting: '会议' };

const knownTexts: Readonly<Record<string, BreakReasonCode>> = {
  rest: 'rest',
  小休: 'rest',
  meal: 'meal',
  用餐: 'meal',
  meeting: 'meeting',
  会议: 'meeting',
};

/** The code of a reported reason (a code, or the stored text of an older desk in either language); null when unknown. */
export function breakReasonCode(reason: string | null | undefined): BreakReasonCode | null {
  if (!reason) return null;
  return knownTexts[reason.trim().toLowerCase()] ?? null;
}
