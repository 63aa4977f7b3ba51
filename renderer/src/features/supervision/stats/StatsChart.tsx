import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { init, use as registerChartParts } from 'echarts/core';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Bars with a legend and a tooltip: these charts change only when the supervisor reads them again, so the tooltip's cost does not matter here.
registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export type StatsChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

/**
 * One ECharts instance for the statistics tab: created on mount, resized with
 * its box, disposed on unmount, `option` applied afresh when it changes (keep
 * it memoised). The canvas says nothing to a screen reader, so the wrapper is
 * an image labelled with the chart's title and pointing at the words beside it.
 */
export function StatsChart({ option, label, describedBy, testId, height }: { option: StatsChartOption; label: string; describedBy: string; testId: string; height: number }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div role="img" aria-label={label} aria-describedby={describedBy} data-testid={testId} className="stats-chart">
      <div ref={box} className="stats-chart-box" style={{ height }} />
    </div>
  );
}
