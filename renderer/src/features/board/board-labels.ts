import { createContext, use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmKind } from '../../../../shared/board/alarms';
import { alarmKinds } from '../../../../shared/board/alarms';
import type { AgentState } from '../../../../shared/phone/agent-state';
import { agentStates } from '../../../../shared/phone/agent-state';
import { alarmLabelKey } from './state-colors';
import { agentStateKeys, breakReasonText } from '../../i18n/common/keys';

/**
 * The words a tile shows, translated once per language for all tiles: with a
 * hundred tiles on screen and reports arriving all the time, a translation
 * hook and lookups in every tile render add up.
 */
export interface BoardLabels {
  states: Record<AgentState, string>;
  alarms: Record<AlarmKind, string>;
  call: string;
  noCall: string;
  /** A reported break reason in this language (a code, or an older desk's text as it came). */
  breakReason: (reason: string) => string;
  /** The tile's accessible name. */
  tileLabel: (name: string, desk: string, state: string) => string;
}

export const BoardLabelsContext = createContext<BoardLabels | null>(null);

export function useBoardLabelsValue(): BoardLabels {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const t = i18n.getFixedT(language);
    return {
      states: Object.fromEntries(agentStates.map((state) => [state, t(agentStateKeys[state])])) as Record<AgentState, string>,
      alarms: Object.fromEntries(alarmKinds.map((kind) => [kind, t(alarmLabelKey[kind])])) as Record<AlarmKind, string>,
      call: t('board:tile.call'),
      noCall: t('board:tile.noCall'),
      breakReason: (reason) => breakReasonText(t, reason),
      tileLabel: (name, desk, state) => t('board:tile.label', { name, desk, state }),
    };
  }, [i18n, language]);
}

export function useBoardLabels(): BoardLabels {
  const labels = use(BoardLabelsContext);
  if (!labels) throw new Error('BoardLabelsContext is missing');
  return labels;
}
