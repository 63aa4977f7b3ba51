import { useTranslation } from 'react-i18next';
import { desk } from '../desk/desk';
import { copySelectedAnswer, openSemanticModelDialog } from '../features/knowledge';
import { ticketShortcutHandlers } from '../features/ticket';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { useSettingsStore } from '../stores/settings-store';
import { useWorkbenchStore } from '../stores/workbench-store';
import { useDeskErrorText } from '../core/use-desk-error-text';
import { phoneShortcutHandlers } from '../features/phone';
import { hubShortcutHandlers } from '../features/hub';
import { callerShortcutHandlers } from '../features/caller';
import { trainingShortcutHandlers } from '../features/training';
import { supervisionShortcutHandlers } from '../features/supervision';
import { useNotices } from '../core/notices';

/** What each registered shortcut does on the workbench. */
export function useWorkbenchShortcuts(): void {
  const { t } = useTranslation();
  const message = useNotices();
  const errorText = useDeskErrorText();
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const settings = useSettingsStore((s) => s.settings);
  const { helpToggled, rightTabChosen, knowledgeFocusRequested } = useWorkbenchStore.getState();

  useShortcuts(
    {
      'help.toggle': () => {
        helpToggled();
      },
      'view.toggleTheme': () => void useSettingsStore.getState().themeToggled(),
      'view.toggleLanguage': () => void useSettingsStore.getState().languageToggled(),
      'pane.focusCall': () => document.getElementById('pane-call')?.focus(),
      'pane.focusKnowledge': knowledgeFocusRequested,
      'pane.showHistory': () => {
        rightTabChosen('history');
      },
      'knowledge.search': knowledgeFocusRequested,
      'knowledge.toggleDetach': () => {
        void desk.setKnowledgePaneDetached({ detached: !settings.knowledgePaneDetached }).then((result) => {
          if (!result.ok) message.warning(result.error.code === 'UNSUPPORTED' ? t('knowledge:detachUnsupported') : errorText(result.error));
        });
      },
      'knowledge.copyAnswer': () => {
        void copySelectedAnswer().then((title) => {
          if (title) message.success(t('knowledge:copied', { title }));
          else message.info(t('knowledge:nothingToCopy'));
        });
      },
      'knowledge.semanticModel': openSemanticModelDialog,
      'sync.now': () => {
        void desk.syncNow().then((result) => {
          if (!result.ok) message.warning(errorText(result.error));
          else if (result.value.connection === 'not_configured') message.info(t('common:status.syncStates.not_configured'));
        });
      },
      ...ticketShortcutHandlers,
      ...phoneShortcutHandlers(),
      ...hubShortcutHandlers((text) => message.info(text), t),
      ...callerShortcutHandlers((text) => message.info(text), t),
      ...trainingShortcutHandlers(
        (text) => message.info(text),
        (text) => message.warning(text),
        t,
      ),
      ...supervisionShortcutHandlers((text) => message.info(text), t),
    },
    overrides,
  );
}
