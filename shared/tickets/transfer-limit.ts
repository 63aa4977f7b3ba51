import type { ValidationCode } from '../validation';

/** The time limit may differ from the matched duty's only with a stated reason. */
export function transferLimitIssue(transfer: { timeLimitDays: number; timeLimitReason: string | null }, dutyLimit: number | null): ValidationCode | null {
  if (dutyLimit === null || transfer.timeLimitDays === dutyLimit) return null;
  return transfer.timeLimitReason && transfer.timeLimitReason.trim().length >= 2 ? null : 'TIME_LIMIT_REASON_REQUIRED';
}
