import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import type { GridComponentOption } from 'echarts/components';
import { init, use as registerChartParts } from 'echarts/core';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the board draws, so the chart library stays a small part of the board's chunk.
// No tooltip component: the counts are printed on the bars, and its setOption hook reads computed styles (a forced style recalculation of the whole page every second).
registerChartParts([BarChart, GridComponent, CanvasRenderer]);

export type BoardChartOption = ComposeOption<BarSeriesOption | GridComponentOption>;

/**
 * A thin React wrapper around one ECharts instance: created on mount,
 * resized with its box, disposed on unmount. `option` is the chart's whole
 * set-up, applied afresh when it changes; `update` is a small part (the data)
 * merged into it, the cheap path for a chart that changes every second.
 * Keep both memoised: every new object is a redraw.
 */
export function EChart({ option, update, className, label, testId }: { option: BoardChartOption; update?: BoardChartOption; className?: string; label: string; testId?: string }): React.JSX.Element {
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

  const latestUpdate = useRef(update);
  useEffect(() => {
    latestUpdate.current = update;
  });

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(option, { notMerge: true });
    if (latestUpdate.current) instance.setOption(latestUpdate.current);
  }, [option]);

  useEffect(() => {
    if (update) chart.current?.setOption(update);
  }, [update]);

  // The label sits on a wrapper: the chart's own element belongs to ECharts, and a canvas says nothing to a screen reader.
  return (
    <div className={className} role="img" aria-label={label} data-testid={testId}>
      <div ref={box} className="echart-box" />
    </div>
  );
}
