import type { TFunction } from 'i18next';
import type { ActionHandlers } from '../../shortcuts/use-shortcuts';
import { useWorkbenchStore } from '../../stores/workbench-store';
import { useHubStore } from '../../core/hub-store';

type HubActionId = Extract<keyof ActionHandlers, `hub.${string}` | 'pane.showReplies'>;

/** What the hub's shortcuts do (bound with every other action in the workbench's shortcut hook). */
export function hubShortcutHandlers(info: (text: string) => void, t: TFunction): Record<HubActionId, () => void> {
  const hub = useHubStore.getState;
  return {
    'hub.signIn': () => {
      const { session, dialogOpened } = hub();
      if (session) info(t('hub:alreadySignedIn', { name: session.displayName }));
      else dialogOpened('signIn');
    },
    'hub.signOut': () => {
      const { session, dialogOpened } = hub();
      if (session) dialogOpened('signOut');
      else info(t('hub:notSignedIn'));
    },
    'hub.shiftSummary': () => {
      hub().dialogOpened('summary');
    },
    'hub.existingTickets': () => {
      hub().dialogOpened('existing');
    },
    'hub.handoverNote': () => {
      const { note, noteDismissed, noteRequested } = hub();
      if (note) noteDismissed();
      else
        void noteRequested().then((shown) => {
          if (!shown) info(t('hub:handover.none'));
        });
    },
    'pane.showReplies': () => {
      useWorkbenchStore.getState().rightTabChosen('replies');
      hub().repliesFocusRequested();
    },
  };
}
