import type { AlarmKind } from '../../../../shared/board/alarms';
import type { AgentState } from '../../../../shared/phone/agent-state';
import type { TKey } from '../../i18n/keys';

/**
 * One colour per agent state, for the tiles and the chart alike (the words
 * always go beside the colour). Chosen to read on the light and the dark theme.
 */
export const agentStateColors: Record<AgentState, string> = {
  on_call: '#2f7be5',
  after_call_work: '#d48806',
  ready: '#389e0d',
  break: '#9254de',
  training: '#13a8a8',
  signed_out: '#8c8c8c',
};

/** The order states are listed in: the ones a supervisor watches first. */
export const boardStateOrder: readonly AgentState[] = ['on_call', 'after_call_work', 'ready', 'break', 'training', 'signed_out'];

export const alarmLabelKey: Record<AlarmKind, TKey> = {
  help: 'board:alarms.help',
  long_call: 'board:alarms.long_call',
  acw_overrun: 'board:alarms.acw_overrun',
  break_overrun: 'board:alarms.break_overrun',
};
