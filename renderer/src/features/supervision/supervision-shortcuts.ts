import type { TFunction } from 'i18next';
import type { ActionHandlers } from '../../shortcuts/use-shortcuts';
import { useWorkbenchStore } from '../../stores/workbench-store';
import { useHubStore } from '../../core/hub-store';
import { useAlertsStore } from './alerts-store';
import { useReviewStore } from './review-store';
import { useStatsStore } from './stats/stats-store';
import { usePlacementStore } from './placement/placement-store';
import { canSupervise } from './supervision-access';
import { openSeatBoard } from './open-seat-board';

type SupervisionActionId = Extract<keyof ActionHandlers, 'pane.showReviews' | 'pane.showAlerts' | 'pane.showStats' | 'pane.showPlacement' | 'supervision.openBoard'>;

/**
 * Alt+5 / Alt+6 / Alt+7: the right pane shows the review queue, the alerts
 * or the statistics, read afresh, with the focus on the first entry (the
 * statistics' window buttons) (supervisor and admin accounts).
 */
export function supervisionShortcutHandlers(info: (text: string) => void, t: TFunction): Record<SupervisionActionId, () => void> {
  const show = (tab: 'reviews' | 'alerts' | 'stats' | 'placement', store: { load: () => Promise<void>; focusRequested: () => void }): void => {
    if (!canSupervise(useHubStore.getState().session)) {
      info(t('supervision:notAllowed'));
      return;
    }
    const workbench = useWorkbenchStore.getState();
    // Switching to the tab reads it anyway; already on it, the shortcut reads it again.
    if (workbench.rightTab === tab) void store.load();
    else workbench.rightTabChosen(tab);
    store.focusRequested();
  };
  return {
    'pane.showReviews': () => {
      show('reviews', useReviewStore.getState());
    },
    'pane.showAlerts': () => {
      show('alerts', useAlertsStore.getState());
    },
    'pane.showStats': () => {
      show('stats', useStatsStore.getState());
    },
    // Alt+8: 实习档案, with the focus on the trainee picker.
    'pane.showPlacement': () => {
      show('placement', usePlacementStore.getState());
    },
    // Alt+9: the seat board in a window of its own (a browser tab under the web host).
    'supervision.openBoard': () => {
      void openSeatBoard(useHubStore.getState().session, info, t);
    },
  };
}
