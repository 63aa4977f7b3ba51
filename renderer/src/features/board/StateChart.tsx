import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentState } from '../../../../shared/phone/agent-state';
import { useTheme } from '../../stores/settings-store';
import type { BoardChartOption } from './EChart';
import { EChart } from './EChart';
import { agentStateColors, boardStateOrder } from './state-colors';
import { agentStateKeys } from '../../i18n/common/keys';

/** Seats by state as bars, in the states' own colours, with the count at the end of each bar. */
export function StateChart({ byState }: { byState: Record<AgentState, number> }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const mode = useTheme();
  const counts = boardStateOrder.map((state) => byState[state]);
  const key = counts.join(',');
  const labels = boardStateOrder.map((state) => t(agentStateKeys[state]));
  const labelKey = labels.join(',');

  const option = useMemo<BoardChartOption>(() => {
    const text = mode === 'dark' ? '#d9d9d9' : '#333';
    return {
      // Redrawn once a second at most; an animation would repaint the canvas for frames on end.
      animation: false,
      color: boardStateOrder.map((state) => agentStateColors[state]),
      grid: { left: 4, right: 40, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: labelKey.split(','), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: text, fontSize: 12 } },
      series: [
        {
          type: 'bar',
          name: i18n.t('board:chart.title'),
          colorBy: 'data',
          barWidth: '62%',
          itemStyle: { borderRadius: [0, 3, 3, 0] },
          data: [],
          label: { show: true, position: 'right', color: text, fontSize: 12 },
        },
      ],
    };
  }, [labelKey, mode, i18n]);
  // Only the counts change from second to second.
  const update = useMemo<BoardChartOption>(() => ({ series: [{ data: key.split(',').map(Number) }] }), [key]);

  const summary = boardStateOrder.map((state, i) => `${labels[i] ?? state} ${counts[i] ?? 0}`).join('，');
  return <EChart option={option} update={update} className="board-chart" label={`${t('board:chart.title')}：${summary}`} testId="board-chart" />;
}
