/**
 * Whether the ACD asked this call to be answered automatically, and after how
 * long. Only calls the ACD marks are answered without a key press; every other
 * call rings. The marks PBXs and ACDs use:
 * - `Call-Info: <uri>;answer-after=N` (RFC 7462 / Asterisk, FreeSWITCH): answer after N seconds;
 * - `Alert-Info: <...>;info=alert-autoanswer`, `Alert-Info: auto-answer` or
 *   `Alert-Info: ...;answer-after=N` (Polycom, Yealink, Cisco styles): at once, or after N seconds.
 * Returns the delay in milliseconds, or null when the call is not marked.
 */
export function acdAutoAnswerDelayMs(headers: { callInfo: readonly string[]; alertInfo: readonly string[] }): number | null {
  for (const value of [...headers.callInfo, ...headers.alertInfo]) {
    const delay = answerAfterSeconds(value);
    if (delay !== null) return delay * 1_000;
  }
  for (const value of headers.alertInfo) {
    if (/(^|[\s<;=,])(alert-)?auto-?answer([\s>;,]|$)/iu.test(value)) return 0;
  }
  return null;
}

/** The longest delay honoured: a larger figure is a misconfigured ACD, and the call should still be answered. */
const MAX_DELAY_SECONDS = 60;

function answerAfterSeconds(value: string): number | null {
  const match = /;\s*answer-after\s*=\s*"?(\d{1,6})"?/iu.exec(value);
  if (!match?.[1]) return null;
  return Math.min(Number(match[1]), MAX_DELAY_SECONDS);
}
