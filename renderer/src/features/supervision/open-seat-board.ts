import type { TFunction } from 'i18next';
import type { DeskSession } from '../../../../shared/hub/desk-session';
import { desk } from '../../desk/desk';
import { canSupervise } from './supervision-access';
import { errorCodeKeys } from '../../i18n/error-keys';

/** Where the board loads when the page opens it itself, and the tab's name. */
export const SEAT_BOARD_URL = '/?view=board';
export const SEAT_BOARD_WINDOW = 'seat-board';

/** The tab this page opened, so a second request brings it forward instead of reloading it. */
let boardTab: Window | null = null;

/**
 * Alt+9 and the 座席监控 button: supervisors and admins only, like the other
 * supervision shortcuts (an operator gets a sentence saying so). The desktop
 * app opens the board in a window of its own on the second display; the web
 * host has no windows to open, answers `openedByHost: false`, and the page
 * opens the board as a browser tab.
 */
export async function openSeatBoard(session: Pick<DeskSession, 'role'> | null, notify: (text: string) => void, t: TFunction): Promise<void> {
  if (!canSupervise(session)) {
    notify(t('supervision:board.notAllowed'));
    return;
  }
  const result = await desk.openSeatBoard();
  if (!result.ok) {
    notify(t('supervision:board.failed', { reason: t(errorCodeKeys[result.error.code]) }));
    return;
  }
  if (result.value.openedByHost) return;
  if (boardTab && !boardTab.closed) {
    boardTab.focus();
    return;
  }
  boardTab = window.open(SEAT_BOARD_URL, SEAT_BOARD_WINDOW);
  // A browser's pop-up blocker returns null (e.g. when the answer came after the key press's activation expired).
  if (!boardTab) notify(t('supervision:board.blocked'));
}
