import { App, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startBoardClock } from './board-clock';
import { boardStore } from './board-store';
import { BoardGrid } from './BoardGrid';
import { BoardHeader } from './BoardHeader';
import { BoardHelp } from './BoardHelp';
import type { BoardRefusal, SeatSource } from './seat-source';
import { seatSourceFor } from './seat-source';
import { SeatDetails } from './SeatDetails';
import { useBoardShortcuts } from './use-board-shortcuts';
import './board.css';

function NotSupervisor(): React.JSX.Element {
  const { t } = useTranslation();
  return <Result className="board-no-hub" status="info" title={t('board:notSupervisor.title')} subTitle={t('board:notSupervisor.description')} data-testid="board-not-supervisor" />;
}

function NoHub(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Result
      className="board-no-hub"
      status="info"
      title={t('board:noHub.title')}
      subTitle={t('board:noHub.description')}
      extra={
        <>
          <Typography.Paragraph>{t('board:noHub.action')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('board:noHub.demo')}</Typography.Paragraph>
        </>
      }
      data-testid="board-no-hub"
    />
  );
}

/**
 * The supervisors' live seat board (`?view=board`): the same app as the
 * workbench, meant for the second screen of a supervisor's desk. Every seat
 * of the centre grouped by team, totals and a chart along the top, alarms
 * that the keyboard can walk through.
 */
export function BoardView({ search = window.location.search }: { search?: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  // undefined while the source is being chosen (the simulation loads on demand); a refusal: no source.
  const [chosen, setSource] = useState<SeatSource | BoardRefusal | undefined>(undefined);
  const source = typeof chosen === 'object' ? chosen : null;
  useBoardShortcuts();

  useEffect(() => {
    let cancelled = false;
    void seatSourceFor(search).then((picked) => {
      if (!cancelled) setSource(picked);
    });
    return () => {
      cancelled = true;
    };
  }, [search]);

  useEffect(() => {
    if (!source) return;
    const store = boardStore.getState();
    const unsubscribe = source.subscribe(store.receive);
    const stopClock = startBoardClock(store.tick);
    return () => {
      unsubscribe();
      stopClock();
      boardStore.getState().reset();
    };
  }, [source]);

  useEffect(() => {
    document.title = t('board:windowTitle');
  }, [t, i18n.language]);

  if (chosen === undefined) return <Spin className="board-loading" description={t('board:loading')} />;
  if (chosen === 'no-hub') return <NoHub />;
  if (chosen === 'not-supervisor' || !source) return <NotSupervisor />;
  return (
    <div className="board" data-testid="board">
      <BoardHeader simulated={source.simulated === true} />
      <BoardGrid />
      <BoardHelp />
      <SeatDetails />
    </div>
  );
}

/**
 * The board inside antd's App: joining a seat asks through its message and confirm hooks. (The workbench shows
 * notices through core/notices instead, so that antd's dialog and notification code stays off its first load.)
 */
export function BoardScreen(): React.JSX.Element {
  return (
    <App className="board-app">
      <BoardView />
    </App>
  );
}
