import type { TFunction } from 'i18next';
import type { Placement, PlacementDay } from '../../../../../shared/hub/placement';

/** Days on which anything happened, newest first: the table's rows. */
export function activeDays(record: Placement): PlacementDay[] {
  return record.days
    .filter((d) => d.calls + d.ticketsRegistered + d.reviewsApproved + d.reviewsReturned + d.practiceAttempts > 0)
    .reverse();
}

/** The chart's data: one point per day of the range, the day's average practice score or a gap. */
export function practiceSeries(record: Placement): { labels: string[]; averages: (number | null)[]; attempts: number[] } {
  return {
    labels: record.days.map((d) => d.day.slice(5)),
    averages: record.days.map((d) => d.practiceAverage),
    attempts: record.days.map((d) => d.practiceAttempts),
  };
}

/** The chart in words, for the screen reader and for anyone who prefers figures to a line. */
export function practiceSummary(record: Placement, t: TFunction): string {
  const practised = record.days.filter((d) => d.practiceAverage !== null);
  if (practised.length === 0) return t('supervision:placement.chart.empty');
  const best = practised.reduce((a, b) => ((b.practiceAverage ?? 0) > (a.practiceAverage ?? 0) ? b : a));
  const last = practised.at(-1) ?? best;
  return t('supervision:placement.chart.summary', {
    attempts: record.total.practiceAttempts,
    average: record.total.practiceAverage,
    days: practised.length,
    best: best.practiceAverage,
    bestDay: best.day.slice(5),
    last: last.practiceAverage,
    lastDay: last.day.slice(5),
  });
}
