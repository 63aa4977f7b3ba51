import { init } from 'echarts/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * One ECharts instance in the returned box: created on mount, resized with
 * its box, disposed on unmount. `option` is the chart's whole set-up, applied
 * afresh when it changes; `update` (optional) is a small part, the data,
 * merged into it: the cheap path for a chart that changes every second. Keep
 * both memoised: every new object is a redraw. Each chart registers the
 * ECharts parts it draws itself, so a chunk carries only those.
 */
export function useEChart(option: EChartsCoreOption, update?: EChartsCoreOption): RefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latestUpdate = useRef(update);

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

  return box;
}
