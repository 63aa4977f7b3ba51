import { z } from 'zod';

/**
 * An ISO instant with an offset that names a real moment: zod's format check
 * lets through dates such as 2026-02-30 or year 0000, which PostgreSQL refuses
 * when the value is written (a failure of the whole request instead of a clear
 * refusal of the field). Years are bounded to what a hotline ticket can carry.
 */
export function isRealInstant(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && Number.isFinite(Date.parse(value));
}

export const isoInstantSchema = z.iso.datetime({ offset: true }).refine(isRealInstant, '不是有效的时间（年 2000–2199，日期须存在）');
