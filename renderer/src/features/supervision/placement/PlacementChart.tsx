import { LineChart } from 'echarts/charts';
import type { LineSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../../shared/hub/placement';
import { useEChart } from '../../../charts/use-echart';
import { useTheme } from '../../../stores/settings-store';
import { chartInk } from '../stats/chart-theme';
import { practiceSeries } from './placement-model';

registerChartParts([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

type PlacementChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

/**
 * The day's average practice score over the range, 0 to 100, with a gap on
 * days without practice. Loaded on demand (React.lazy) with the chart library;
 * the same figures are in words beside it (`describedBy`).
 */
export default function PlacementChart({ record, describedBy }: { record: Placement; describedBy: string }): React.JSX.Element {
  const { t } = useTranslation();
  const mode = useTheme();
  const series = useMemo(() => practiceSeries(record), [record]);
  const name = t('supervision:placement.chart.series');

  const option = useMemo<PlacementChartOption>(() => {
    const ink = chartInk(mode);
    return {
      animation: false,
      grid: { left: 4, right: 12, top: 12, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: series.labels, axisLabel: { color: ink.text, fontSize: 11 }, axisLine: { lineStyle: { color: ink.line } }, axisTick: { show: false } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { color: ink.text, fontSize: 11 }, splitLine: { lineStyle: { color: ink.line, opacity: 0.5 } } },
      series: [{ type: 'line', name, data: series.averages, connectNulls: true, symbolSize: 7, itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top', color: ink.text, fontSize: 11 } }],
    };
  }, [series, name, mode]);

  const box = useEChart(option);

  // The label sits on a wrapper: the canvas belongs to ECharts and says nothing to a screen reader.
  return (
    <div role="img" aria-label={t('supervision:placement.chart.title')} aria-describedby={describedBy} data-testid="placement-chart" className="placement-chart">
      <div ref={box} className="placement-chart-box" />
    </div>
  );
}
