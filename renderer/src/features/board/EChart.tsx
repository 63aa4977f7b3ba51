import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import type { GridComponentOption } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../charts/use-echart';

// Only what the board draws, so the chart library stays a small part of the board's chunk.
// No tooltip component: the counts are printed on the bars, and its setOption hook reads computed styles (a forced style recalculation of the whole page every second).
registerChartParts([BarChart, GridComponent, CanvasRenderer]);

export type BoardChartOption = ComposeOption<BarSeriesOption | GridComponentOption>;

/** The board's chart: `option` is its set-up, `update` the data merged in every second (see useEChart). */
export function EChart({ option, update, className, label, testId }: { option: BoardChartOption; update?: BoardChartOption; className?: string; label: string; testId?: string }): React.JSX.Element {
  const box = useEChart(option, update);
  // The label sits on a wrapper: the chart's own element belongs to ECharts, and a canvas says nothing to a screen reader.
  return (
    <div className={className} role="img" aria-label={label} data-testid={testId}>
      <div ref={box} className="echart-box" />
    </div>
  );
}
