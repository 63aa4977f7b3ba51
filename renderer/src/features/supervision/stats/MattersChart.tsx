import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketStats } from '../../../../../shared/hub/stats';
import { useTheme } from '../../../stores/settings-store';
import { chartInk } from './chart-theme';
import { StatsChart } from './StatsChart';
import type { StatsChartOption } from './StatsChart';
import { mattersChartData } from './stats-model';

/** The most frequent matters as horizontal bars, the most frequent on top, the count at each bar's end. */
export default function MattersChart({ stats, describedBy, title }: { stats: TicketStats; describedBy: string; title: string }): React.JSX.Element {
  const { t } = useTranslation();
  const mode = useTheme();
  const data = useMemo(() => mattersChartData(stats), [stats]);

  const option = useMemo<StatsChartOption>(() => {
    const ink = chartInk(mode);
    return {
      animation: false,
      aria: { enabled: false },
      grid: { left: 4, right: 36, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', show: false, minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data.labels, axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: ink.text, fontSize: 12, width: 180, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data.counts, barWidth: '60%', itemStyle: { color: '#2f54eb', borderRadius: [0, 3, 3, 0] }, label: { show: true, position: 'right', color: ink.text, fontSize: 12 } }],
    };
  }, [data, mode]);

  // One row of about 24 px per matter, so ten matters and one read alike.
  const height = Math.max(48, data.labels.length * 24 + 8);
  return <StatsChart option={option} label={t('supervision:stats.chartLabel', { title })} describedBy={describedBy} testId="stats-matters-chart" height={height} />;
}
