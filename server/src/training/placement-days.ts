import type { PlacementDay, PlacementFigures } from '../../../shared/hub/placement';

/** `YYYY-MM-DD` of an instant in the centre's time zone. */
export function centreDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day `n` days after `day` (both `YYYY-MM-DD`). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, inclusive. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Per-day counts as the queries return them (a day without a row had none). */
export interface DayCounts {
  calls: number;
  talkSeconds: number;
  ticketsRegistered: number;
  reviewsApproved: number;
  reviewsReturned: number;
  practiceAttempts: number;
  practiceScoreSum: number;
}

const empty: DayCounts = { calls: 0, talkSeconds: 0, ticketsRegistered: 0, reviewsApproved: 0, reviewsReturned: 0, practiceAttempts: 0, practiceScoreSum: 0 };

/** The average the desk's 实训记录 shows: one decimal. */
const average = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((10 * sum) / n) / 10);

function figures(c: DayCounts): PlacementFigures {
  const { practiceScoreSum, ...rest } = c;
  return { ...rest, practiceAverage: average(practiceScoreSum, c.practiceAttempts) };
}

/** Every day of the range with its figures (zeros where nothing happened), and the totals over the range. */
export function placementFigures(days: readonly string[], counts: ReadonlyMap<string, Partial<DayCounts>>): { days: PlacementDay[]; total: PlacementFigures } {
  const total = { ...empty };
  const perDay = days.map((day) => {
    const c = { ...empty, ...counts.get(day) };
    for (const key of Object.keys(total) as (keyof DayCounts)[]) total[key] += c[key];
    return { day, ...figures(c) };
  });
  return { days: perDay, total: figures(total) };
}
