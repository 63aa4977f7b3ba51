import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketStats } from '../../../../../shared/hub/stats';
import { ticketDispositions } from '../../../../../shared/hub/stats';
import { useTheme } from '../../../stores/settings-store';
import { chartInk } from './chart-theme';
import { StatsChart } from './StatsChart';
import type { StatsChartOption } from './StatsChart';
import { dispositionColors, hourlyChartData } from './stats-model';
import { statsDispositionKeys } from '../../../i18n/supervision/keys';

/** Tickets registered per hour, stacked by disposition. Loaded on demand with the chart library. */
export default function HourlyChart({ stats, describedBy }: { stats: TicketStats; describedBy: string }): React.JSX.Element {
  const { t } = useTranslation();
  const mode = useTheme();
  const data = useMemo(() => hourlyChartData(stats), [stats]);
  const names = ticketDispositions.map((kind) => t(statsDispositionKeys[kind]));
  const nameKey = names.join('|');

  const option = useMemo<StatsChartOption>(() => {
    const ink = chartInk(mode);
    const seriesNames = nameKey.split('|');
    return {
      animation: false,
      aria: { enabled: false },
      grid: { left: 4, right: 8, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: ink.text, fontSize: 12 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: data.labels, axisLabel: { color: ink.text, fontSize: 11 }, axisLine: { lineStyle: { color: ink.line } }, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: ink.text, fontSize: 11 }, splitLine: { lineStyle: { color: ink.line, opacity: 0.5 } } },
      series: ticketDispositions.map((kind, i) => ({
        type: 'bar',
        name: seriesNames[i] ?? kind,
        stack: 'tickets',
        data: data.series[kind],
        itemStyle: { color: dispositionColors[kind] },
        barMaxWidth: 24,
      })),
    };
  }, [data, nameKey, mode]);

  return <StatsChart option={option} label={t('supervision:stats.chartLabel', { title: t('supervision:stats.hourly.title') })} describedBy={describedBy} testId="stats-hourly-chart" height={200} />;
}
