import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../../charts/use-echart';

// Bars with a legend and a tooltip: these charts change only when the supervisor reads them again, so the tooltip's cost does not matter here.
registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export type StatsChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

/**
 * One chart of the statistics tab, `option` applied afresh when it changes
 * (keep it memoised). The canvas says nothing to a screen reader, so the wrapper is
 * an image labelled with the chart's title and pointing at the words beside it.
 */
export function StatsChart({ option, label, describedBy, testId, height }: { option: StatsChartOption; label: string; describedBy: string; testId: string; height: number }): React.JSX.Element {
  const box = useEChart(option);

  return (
    <div role="img" aria-label={label} aria-describedby={describedBy} data-testid={testId} className="stats-chart">
      <div ref={box} className="stats-chart-box" style={{ height }} />
    </div>
  );
}
