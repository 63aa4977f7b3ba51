import { Descriptions, Drawer, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmKind } from '../../../../shared/board/alarms';
import { callStartMs, seatLabel } from '../../../../shared/board/seat-view';
import { breakReasonText } from '../../i18n/common/keys';
import { elapsedSince, useTickingText } from './board-clock';
import { boardStore, useBoard } from './board-store';
import { agentStateColors, alarmLabelKey } from './state-colors';
import { SeatJoinActions } from './SeatJoinActions';
import { agentStateKeys } from '../../i18n/common/keys';

const noAlarms: readonly AlarmKind[] = [];
const time = (ms: number | null): string => (ms === null || !Number.isFinite(ms) ? '—' : dayjs(ms).format('HH:mm:ss'));

/** Enter or a double click on a seat: everything the hub reported about it, and joining its call. */
export function SeatDetails(): React.JSX.Element {
  const { t } = useTranslation();
  const deskId = useBoard((s) => s.detailsOf);
  const seat = useBoard((s) => (s.detailsOf === null ? undefined : s.seats.get(s.detailsOf)));
  const alarms = useBoard((s) => (s.detailsOf === null ? noAlarms : (s.alarms.get(s.detailsOf) ?? noAlarms)));
  const callStart = seat ? callStartMs(seat) : null;
  const sinceMs = seat?.sinceMs ?? null;
  const inStateRef = useTickingText(useMemo(() => elapsedSince(sinceMs), [sinceMs]));
  const callRef = useTickingText(useMemo(() => elapsedSince(callStart), [callStart]));
  const close = (): void => {
    const focused = boardStore.getState().focused;
    boardStore.getState().showDetails(null);
    if (focused) document.querySelector<HTMLElement>(`[data-desk-id="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
  };
  return (
    <Drawer open={deskId !== null} onClose={close} title={
        seat ? (
          <>
            <span lang="zh-CN">{seat.displayName}</span> · {seatLabel(seat)}
          </>
        ) : (
          t('board:details.title')
        )
      } size={380} data-testid="seat-details">
      {seat && <SeatJoinActions seat={seat} />}
      {seat && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('board:details.state')}>
            {/* The state's colour as a dot beside its words: white words on the state colours miss 4.5:1. */}
            <Tag className="seat-state-tag">
              <span className="seat-dot" style={{ '--state-color': agentStateColors[seat.state] } as React.CSSProperties} aria-hidden />
              {t(agentStateKeys[seat.state])}
            </Tag>
            {seat.reason && breakReasonText(t, seat.reason)}
          </Descriptions.Item>
          <Descriptions.Item label={t('board:details.alarms')}>
            {alarms.length > 0
              ? alarms.map((kind) => (
                  <Tag key={kind} color="red">
                    {t(alarmLabelKey[kind])}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('board:details.since')}>{time(seat.sinceMs)}</Descriptions.Item>
          <Descriptions.Item label={t('board:details.inState')}>
            <span ref={inStateRef} />
          </Descriptions.Item>
          <Descriptions.Item label={t('board:details.callStarted')}>{time(callStart)}</Descriptions.Item>
          <Descriptions.Item label={t('board:details.callLength')}>{callStart === null ? '—' : <span ref={callRef} />}</Descriptions.Item>
          <Descriptions.Item label={t('board:details.help')}>{seat.helpRequested ? t('board:details.helpYes') : t('board:details.helpNo')}</Descriptions.Item>
          <Descriptions.Item label={t('board:details.operator')}><span lang="zh-CN">{seat.operator}</span></Descriptions.Item>
          <Descriptions.Item label={t('board:details.extension')}>{seat.extension ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('board:details.team')}>{seat.team ? <span lang="zh-CN">{seat.team}</span> : t('board:team.none')}</Descriptions.Item>
          <Descriptions.Item label={t('board:details.reported')}>{time(seat.reportedMs)}</Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
