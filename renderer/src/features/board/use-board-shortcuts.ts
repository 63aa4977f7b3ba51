import { useKeyBindings } from '../../shortcuts/use-shortcuts';
import { useSettingsStore } from '../../stores/settings-store';
import { boardStore } from './board-store';
import type { BoardActionId } from './board-shortcuts';
import { boardShortcuts } from './board-shortcuts';
import { useBoardUi } from './board-ui';
import { useSeatJoin } from './use-seat-join';

/** What each board shortcut does; bound on the window by the shortcut engine, rebound when keys are remapped. */
export function useBoardShortcuts(): void {
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const join = useSeatJoin();
  const seatInView = (): string | null => {
    const { detailsOf, focused } = boardStore.getState();
    return detailsOf ?? focused;
  };

  const handlers: Record<BoardActionId, () => void> = {
    'help.toggle': () => {
      useBoardUi.getState().helpToggled();
    },
    'view.toggleTheme': () => void useSettingsStore.getState().themeToggled(),
    'view.toggleLanguage': () => void useSettingsStore.getState().languageToggled(),
    'board.search': () => {
      useBoardUi.getState().searchRequested();
    },
    'board.alarmOnly': () => {
      const { filter, setFilter } = boardStore.getState();
      setFilter({ alarmOnly: !filter.alarmOnly });
    },
    'board.cycleState': () => {
      boardStore.getState().cycleStateFilter();
    },
    'board.clearFilters': () => {
      boardStore.getState().setFilter({ alarmOnly: false, state: null, query: '' });
    },
    'board.nextAlarm': () => {
      boardStore.getState().focusAlarm(1);
    },
    'board.previousAlarm': () => {
      boardStore.getState().focusAlarm(-1);
    },
    'board.nextSeat': () => {
      boardStore.getState().focusSeat(1);
    },
    'board.previousSeat': () => {
      boardStore.getState().focusSeat(-1);
    },
    'board.details': () => {
      const { focused, showDetails } = boardStore.getState();
      if (focused !== null) showDetails(focused);
    },
    'board.listen': () => {
      join(seatInView(), 'listen');
    },
    'board.whisper': () => {
      join(seatInView(), 'whisper');
    },
    'board.barge': () => {
      join(seatInView(), 'barge');
    },
  };

  useKeyBindings('window', boardShortcuts, overrides, (action, event) => {
    // Inside a dialog (help, details) Enter and the arrows belong to the dialog; the join keys work in the details.
    const dialog = event.target instanceof HTMLElement ? event.target.closest('.ant-modal, .ant-drawer') : null;
    if (!action.whileTyping && dialog && !(action.inDetails && dialog.classList.contains('ant-drawer'))) return false;
    handlers[action.id]();
    return true;
  });
}
