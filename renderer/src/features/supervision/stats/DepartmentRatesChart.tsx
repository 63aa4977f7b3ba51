import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketStats } from '../../../../../shared/hub/stats';
import { useTheme } from '../../../stores/settings-store';
import { chartInk } from './chart-theme';
import { StatsChart } from './StatsChart';
import type { StatsChartOption } from './StatsChart';
import { rateColors, rateKinds, ratesChartData } from './stats-model';
import { statsRateKeys } from '../../../i18n/supervision/keys';

/** Each lead department's three rates as grouped horizontal bars in percent; a rate without callbacks has no bar. */
export default function DepartmentRatesChart({ stats, describedBy }: { stats: TicketStats; describedBy: string }): React.JSX.Element {
  const { t } = useTranslation();
  const mode = useTheme();
  const data = useMemo(() => ratesChartData(stats), [stats]);
  const nameKey = rateKinds.map((kind) => t(statsRateKeys[kind])).join('|');

  const option = useMemo<StatsChartOption>(() => {
    const ink = chartInk(mode);
    const names = nameKey.split('|');
    return {
      animation: false,
      aria: { enabled: false },
      grid: { left: 4, right: 44, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: ink.text, fontSize: 12 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—') },
      xAxis: { type: 'value', min: 0, max: 100, show: false },
      yAxis: { type: 'category', inverse: true, data: data.labels, axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: ink.text, fontSize: 12, width: 150, overflow: 'truncate' } },
      series: rateKinds.map((kind, i) => ({
        type: 'bar',
        name: names[i] ?? kind,
        // ECharts draws no bar for '-': a rate with nothing to divide by.
        data: data.series[kind].map((value) => value ?? '-'),
        itemStyle: { color: rateColors[kind] },
        barMaxWidth: 10,
        label: { show: true, position: 'right', color: ink.text, fontSize: 11, formatter: '{c}%' },
      })),
    };
  }, [data, nameKey, mode]);

  // Three thin bars per department.
  const height = Math.max(64, data.labels.length * 40 + 32);
  return (
    <StatsChart
      option={option}
      label={t('supervision:stats.chartLabel', { title: t('supervision:stats.departments.title') })}
      describedBy={describedBy}
      testId="stats-rates-chart"
      height={height}
    />
  );
}
