import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent } from 'echarts/components';
import type { AriaComponentOption, GridComponentOption } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertKind } from '../../../../shared/hub/alerts';
import { alertKinds } from '../../../../shared/hub/alerts';
import { useEChart } from '../../charts/use-echart';
import { useTheme } from '../../stores/settings-store';
import { alertKindColors } from './alerts-model';
import { alertKindKeys } from '../../i18n/supervision/keys';

registerChartParts([BarChart, GridComponent, AriaComponent, CanvasRenderer]);

type AlertsChartOption = ComposeOption<BarSeriesOption | GridComponentOption | AriaComponentOption>;

/**
 * Open alerts by kind as bars in the kinds' colours, the count at the end of
 * each bar. Loaded on demand (React.lazy), so only a supervisor's workbench
 * fetches the chart library.
 */
export default function AlertsChart({ counts }: { counts: Record<AlertKind, number> }): React.JSX.Element {
  const { t } = useTranslation();
  const mode = useTheme();
  const labels = alertKinds.map((kind) => t(alertKindKeys[kind]));
  const values = alertKinds.map((kind) => counts[kind]);
  const labelKey = labels.join(',');
  const valueKey = values.join(',');

  const option = useMemo<AlertsChartOption>(() => {
    const text = mode === 'dark' ? '#d9d9d9' : '#333';
    return {
      animation: false,
      grid: { left: 4, right: 32, top: 2, bottom: 2, containLabel: true },
      xAxis: { type: 'value', show: false, minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: labelKey.split(','), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: text, fontSize: 12 } },
      series: [
        {
          type: 'bar',
          barWidth: '60%',
          data: valueKey.split(',').map((value, i) => ({ value: Number(value), itemStyle: { color: alertKindColors[alertKinds[i] ?? 'many'], borderRadius: [0, 3, 3, 0] } })),
          label: { show: true, position: 'right', color: text, fontSize: 12 },
        },
      ],
    };
  }, [labelKey, valueKey, mode]);

  const box = useEChart(option);

  const summary = alertKinds.map((kind, i) => `${labels[i] ?? kind} ${String(values[i] ?? 0)}`).join('，');
  return <div ref={box} className="alerts-chart" role="img" aria-label={t('supervision:alerts.chart.label', { counts: summary })} data-testid="alerts-chart" />;
}
