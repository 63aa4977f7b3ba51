import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { seatJoinRefusal } from '../../../../shared/phone/join-call';
import type { JoinMode } from '../../../../shared/phone/phone-settings';
import { desk } from '../../desk/desk';
import { boardStore } from './board-store';
import { joinNotice } from './join-notice';
import { joinModeKeys, joinRefusalKeys } from '../../i18n/board/keys';

const NOTICE_KEY = 'board-join';
/** One request at a time: a second key press while the phone is being asked would dial twice. */
let asking = false;

/**
 * Joins a seat's call (listen, whisper, barge) through this desk's workbench
 * phone, from a button or a key. Barging is heard by the caller, so it asks
 * first (Enter confirms, Esc cancels); the answer is shown on the board.
 */
export function useSeatJoin(): (deskId: string | null, mode: JoinMode) => void {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (deskId, mode) => {
      const seat = deskId === null ? undefined : boardStore.getState().seats.get(deskId);
      if (!seat || asking) return;
      const name = seat.displayName;
      const refusal = seatJoinRefusal(seat);
      if (refusal || !seat.extension) {
        void message.warning({ key: NOTICE_KEY, content: t(joinRefusalKeys[refusal ?? 'no_extension'], { name }) });
        return;
      }
      const request = { mode, extension: seat.extension, deskId: seat.deskId };
      const go = async (): Promise<void> => {
        asking = true;
        void message.loading({ key: NOTICE_KEY, content: t('board:join.asking', { mode: t(joinModeKeys[mode]), name }), duration: 0 });
        try {
          const notice = joinNotice(await desk.joinSeatCall(request), mode, name);
          const content = t(notice.key, notice.values);
          if (notice.kind === 'success') void message.success({ key: NOTICE_KEY, content, duration: 4 });
          else void message.error({ key: NOTICE_KEY, content, duration: 6 });
        } finally {
          asking = false;
        }
      };
      if (mode !== 'barge') {
        void go();
        return;
      }
      void modal.confirm({
        title: t('board:join.confirmBarge.title', { name }),
        content: t('board:join.confirmBarge.content'),
        okText: t('board:join.modes.barge'),
        okButtonProps: { danger: true },
        cancelText: t('board:join.confirmBarge.cancel'),
        focusable: { autoFocusButton: 'ok' },
        onOk: go,
      });
    },
    [message, modal, t],
  );
}
