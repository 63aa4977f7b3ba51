import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { DepartmentRates, HourlyTickets, TicketDisposition, TicketStats } from '../../../../../shared/hub/stats';
import { ticketDispositions } from '../../../../../shared/hub/stats';
import { statsDispositionKeys } from '../../../i18n/supervision/keys';

/**
 * The statistics as the 统计 tab draws and words them: chart series and the
 * text beside each chart (the same figures, for a screen reader and for
 * reading exact numbers). Pure: the charts and the tests share it.
 */

export const dispositionColors: Record<TicketDisposition, string> = {
  answered: '#52c41a',
  transferred: '#1677ff',
  review: '#fa8c16',
  open: '#8c8c8c',
};

export const rateKinds = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;
export type RateKind = (typeof rateKinds)[number];

export const rateColors: Record<RateKind, string> = {
  responseRate: '#1677ff',
  resolutionRate: '#52c41a',
  satisfactionRate: '#faad14',
};

export function hourTotal(hour: HourlyTickets): number {
  return hour.answered + hour.transferred + hour.review + hour.open;
}

export function dispositionTotals(hourly: readonly HourlyTickets[]): Record<TicketDisposition, number> {
  const totals: Record<TicketDisposition, number> = { answered: 0, transferred: 0, review: 0, open: 0 };
  for (const hour of hourly) for (const kind of ticketDispositions) totals[kind] += hour[kind];
  return totals;
}

/** The hour with the most tickets (the earliest of equals), or null when none was registered. */
export function busiestHour(hourly: readonly HourlyTickets[]): { hour: string; count: number } | null {
  let best: { hour: string; count: number } | null = null;
  for (const hour of hourly) {
    const count = hourTotal(hour);
    if (count > 0 && (!best || count > best.count)) best = { hour: hour.hour, count };
  }
  return best;
}

/** More than a day of hours needs the date in each label; within a day (a night shift too) the hour says it. */
export function labelsNeedDate(hourly: readonly HourlyTickets[]): boolean {
  return hourly.length > 24;
}

export function hourLabel(iso: string, withDate: boolean): string {
  return dayjs(iso).format(withDate ? 'MM-DD HH:00' : 'HH:00');
}

/** `10:00–11:00`, with the date in front when asked. */
export function hourRange(iso: string, withDate: boolean): string {
  return `${hourLabel(iso, withDate)}–${dayjs(iso).add(1, 'hour').format('HH:00')}`;
}

export function matterLabel(category: readonly [string, string]): string {
  return `${category[0]} / ${category[1]}`;
}

/** A rate as a percentage with one decimal, `66.7%`. */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A rate as the bar's value (percent, one decimal), or null for no bar. */
export function ratePercentValue(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

export interface HourlyChartData {
  labels: string[];
  series: Record<TicketDisposition, number[]>;
}

export function hourlyChartData(stats: Pick<TicketStats, 'hourly'>): HourlyChartData {
  const withDate = labelsNeedDate(stats.hourly);
  return {
    labels: stats.hourly.map((h) => hourLabel(h.hour, withDate)),
    series: { answered: stats.hourly.map((h) => h.answered), transferred: stats.hourly.map((h) => h.transferred), review: stats.hourly.map((h) => h.review), open: stats.hourly.map((h) => h.open) },
  };
}

export function mattersChartData(stats: Pick<TicketStats, 'matters'>): { labels: string[]; counts: number[] } {
  return { labels: stats.matters.map((m) => matterLabel(m.category)), counts: stats.matters.map((m) => m.count) };
}

export function ratesChartData(stats: Pick<TicketStats, 'departments'>): { labels: string[]; series: Record<RateKind, (number | null)[]> } {
  const series = (kind: RateKind) => stats.departments.map((d) => ratePercentValue(d[kind]));
  return {
    labels: stats.departments.map((d) => d.name),
    series: { responseRate: series('responseRate'), resolutionRate: series('resolutionRate'), satisfactionRate: series('satisfactionRate') },
  };
}

/** How many of which disposition, and the busiest hour. */
export function hourlySummary(stats: Pick<TicketStats, 'hourly' | 'total'>, windowName: string, t: TFunction): string {
  if (stats.total === 0) return t('supervision:stats.hourly.empty', { window: windowName });
  const totals = dispositionTotals(stats.hourly);
  const parts = ticketDispositions.map((kind) => t('supervision:stats.hourly.part', { name: t(statsDispositionKeys[kind]), count: totals[kind] })).join(t('supervision:stats.listSeparator'));
  const busiest = busiestHour(stats.hourly);
  const busiestText = busiest ? t('supervision:stats.hourly.busiest', { range: hourRange(busiest.hour, labelsNeedDate(stats.hourly)), count: busiest.count }) : '';
  return t('supervision:stats.hourly.summary', { window: windowName, total: stats.total, parts, busiest: busiestText });
}

/** Each listed matter with its count and its share of the window's tickets. */
export function mattersSummary(stats: Pick<TicketStats, 'matters' | 'total'>, t: TFunction): string {
  if (stats.matters.length === 0) return t('supervision:stats.matters.empty');
  const items = stats.matters.map((m) => t('supervision:stats.matters.item', { matter: matterLabel(m.category), count: m.count, share: percent(m.count / stats.total) }));
  return t('supervision:stats.matters.summary', { items: items.join(t('supervision:stats.listSeparator')) });
}

function rateText(rate: number | null, part: number, whole: number, t: TFunction, missing: 'supervision:stats.departments.noTransfer' | 'supervision:stats.departments.noCallback'): string {
  return rate === null ? t(missing) : t('supervision:stats.departments.rate', { percent: percent(rate), part, whole });
}

/** Each department's three rates with the counts behind them. */
export function ratesSummary(stats: Pick<TicketStats, 'departments' | 'departmentCount'>, t: TFunction): string {
  if (stats.departments.length === 0) return t('supervision:stats.departments.empty');
  const items = stats.departments.map((d: DepartmentRates) =>
    t('supervision:stats.departments.item', {
      name: d.name,
      transferred: d.transferred,
      response: rateText(d.responseRate, d.responded, d.transferred, t, 'supervision:stats.departments.noTransfer'),
      resolution: rateText(d.resolutionRate, d.solved, d.calledBack, t, 'supervision:stats.departments.noCallback'),
      satisfaction: rateText(d.satisfactionRate, d.satisfied + d.basicallySatisfied, d.calledBack, t, 'supervision:stats.departments.noCallback'),
    }),
  );
  const more = stats.departmentCount - stats.departments.length;
  return t('supervision:stats.departments.summary', { items: items.join(t('supervision:stats.itemSeparator')) }) + (more > 0 ? t('supervision:stats.departments.more', { count: more }) : '');
}
