import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AlarmKind } from '../../../../shared/board/alarms';
import { callStartMs, seatLabel, shorten } from '../../../../shared/board/seat-view';
import { elapsedSince, useTickingText } from './board-clock';
import { boardStore, useBoard } from './board-store';
import { useBoardLabels } from './board-labels';
import { agentStateColors } from './state-colors';

const noAlarms: readonly AlarmKind[] = [];

/**
 * One seat: name and seat number, the state in colour and words with the
 * time in it, the call's length, and the alarm badges. Subscribes to its own
 * seat only, so a report about another seat never re-renders it; the times
 * tick through the board clock without a render.
 */
export const SeatTile = memo(function SeatTile({ deskId }: { deskId: string }): React.JSX.Element | null {
  const labels = useBoardLabels();
  // One subscription per tile, compared item by item: a report about another seat leaves all three the same.
  const [seat, alarms, focused] = useBoard(useShallow((s) => [s.seats.get(deskId), s.alarms.get(deskId) ?? noAlarms, s.focused === deskId] as const));
  const sinceMs = seat?.sinceMs ?? null;
  const callStart = seat ? callStartMs(seat) : null;
  const inStateRef = useTickingText(useMemo(() => elapsedSince(sinceMs), [sinceMs]));
  const callRef = useTickingText(useMemo(() => elapsedSince(callStart), [callStart]));
  if (!seat) return null;

  const label = labels.states[seat.state];
  // The break reason unless it says the same as the state (小休（小休）).
  const reasonText = seat.state === 'break' && seat.reason ? labels.breakReason(seat.reason) : null;
  const reason = reasonText && reasonText !== label ? reasonText : null;
  const stateText = reason ? `${label}（${reason}）` : label;
  const alarmTexts = alarms.map((kind) => labels.alarms[kind]);
  return (
    <button
      type="button"
      className={`seat-tile${alarms.length > 0 ? ' seat-tile-alarmed' : ''}${focused ? ' seat-tile-focused' : ''}`}
      style={{ '--state-color': agentStateColors[seat.state] } as React.CSSProperties}
      data-testid="seat-tile"
      data-desk-id={deskId}
      data-state={seat.state}
      data-alarms={alarms.join(' ')}
      tabIndex={focused ? 0 : -1}
      // The accessible name is the tile's visible text (name, seat, state, times, alarms), so speech input finds it.
      title={[labels.tileLabel(seat.displayName, seatLabel(seat), stateText), ...alarmTexts].join('，')}
      onClick={() => {
        boardStore.getState().focus(deskId);
      }}
      onDoubleClick={() => {
        boardStore.getState().showDetails(deskId);
      }}
    >
      <span className="seat-row">
        <span className="seat-name" lang="zh-CN">
          {shorten(seat.displayName, 16)}
        </span>
        <span className="seat-desk">{seatLabel(seat)}</span>
      </span>
      <span className="seat-row">
        <span className="seat-state">
          <span className="seat-dot" aria-hidden />
          {label}
          {reason && (
            <>
              （<span lang="zh-CN">{shorten(reason, 8)}</span>）
            </>
          )}
        </span>
        <span className="seat-time" ref={inStateRef} data-testid="seat-time-in-state" />
      </span>
      <span className="seat-row">
        {callStart !== null ? (
          <span className="seat-call">
            {labels.call} <span ref={callRef} data-testid="seat-call-length" />
          </span>
        ) : (
          <span className="seat-call seat-call-none">{labels.noCall}</span>
        )}
        <span className="seat-alarms">
          {alarms.map((kind, i) => (
            <span key={kind} className={`seat-alarm seat-alarm-${kind}`} data-testid="seat-alarm" data-alarm={kind}>
              {alarmTexts[i]}
            </span>
          ))}
        </span>
      </span>
    </button>
  );
});
