import type { TFunction } from 'i18next';
import type { ActionHandlers } from '../../shortcuts/use-shortcuts';
import { useRingHistoryStore } from './ring-history-store';

type CallerActionId = Extract<keyof ActionHandlers, `caller.${string}`>;

/** The screen pop's earlier tickets: Alt+↓/↑ opens one in place, Alt+Shift+R links the new ticket to it. */
export function callerShortcutHandlers(info: (text: string) => void, t: TFunction): Record<CallerActionId, () => void> {
  const store = useRingHistoryStore.getState;
  return {
    'caller.nextHistory': () => {
      store().moved(1);
    },
    'caller.previousHistory': () => {
      store().moved(-1);
    },
    'caller.linkHistory': () => {
      const linked = store().linkRequested();
      info(linked ? t('caller:ring.linked', { number: linked.number ?? t('caller:ring.unnumbered') }) : t('caller:ring.none'));
    },
  };
}
