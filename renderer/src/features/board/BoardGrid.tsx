import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty } from 'antd';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamGroup } from '../../../../shared/board/groups';
import { isFiltering } from '../../../../shared/board/groups';
import { BoardLabelsContext, useBoardLabelsValue } from './board-labels';
import { boardStore, teamKey, useBoard } from './board-store';
import { SeatTile } from './SeatTile';

const TILE_WIDTH = 196;
const TILE_HEIGHT = 78;
const GAP = 8;
const PADDING = 12;
const TEAM_HEIGHT = 34;

type Row = { kind: 'team'; key: string; team: string | null } | { kind: 'seats'; key: string; deskIds: readonly string[] };

/** Teams as header rows followed by rows of `columns` tiles: the list the virtualiser windows over. */
function layoutRows(groups: readonly TeamGroup[], columns: number): { rows: Row[]; rowOf: Map<string, number> } {
  const rows: Row[] = [];
  const rowOf = new Map<string, number>();
  for (const group of groups) {
    const key = teamKey(group.team);
    rows.push({ kind: 'team', key: `team:${key}`, team: group.team });
    for (let i = 0; i < group.deskIds.length; i += columns) {
      const deskIds = group.deskIds.slice(i, i + columns);
      for (const id of deskIds) rowOf.set(id, rows.length);
      rows.push({ kind: 'seats', key: `seats:${key}:${i}`, deskIds });
    }
  }
  return { rows, rowOf };
}

const TeamHeader = memo(function TeamHeader({ team }: { team: string | null }): React.JSX.Element {
  const { t } = useTranslation();
  const stats = useBoard((s) => s.teamStats.get(teamKey(team)));
  return (
    <div className="board-team" data-testid="board-team">
      <span className="board-team-name" lang={team ? 'zh-CN' : undefined}>
        {team ?? t('board:team.none')}
      </span>
      {stats && <span className="board-team-stats">{t('board:team.stats', { ...stats })}</span>}
      {stats && stats.alarmed > 0 && <span className="board-team-alarmed">{t('board:team.alarmed', { count: stats.alarmed })}</span>}
    </div>
  );
});

function useWidth(element: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    // The observer reports the first size too, before the first paint.
    const observer = new ResizeObserver(() => {
      setWidth(node.clientWidth);
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return width;
}

/**
 * The seats, grouped by team, as a virtualised grid: only the rows on screen
 * (and a few either side) are in the DOM, so 1,400 seats cost what a screenful
 * costs. Re-renders when the layout changes (seats joining, a filter) or on
 * scroll; a seat's report re-renders only that seat's tile.
 */
export function BoardGrid(): React.JSX.Element {
  const { t } = useTranslation();
  const labels = useBoardLabelsValue();
  const visible = useBoard((s) => s.visible);
  const phase = useBoard((s) => s.phase);
  const filter = useBoard((s) => s.filter);
  const scroller = useRef<HTMLDivElement>(null);
  const width = useWidth(scroller);
  const columns = Math.max(1, Math.floor((width - 2 * PADDING + GAP) / (TILE_WIDTH + GAP)));
  const { rows, rowOf } = useMemo(() => layoutRows(visible, columns), [visible, columns]);

  // The virtualiser's functions change identity on every render by design; nothing here memoises them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'team' ? TEAM_HEIGHT : TILE_HEIGHT + GAP),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 3,
    paddingStart: PADDING,
    paddingEnd: PADDING,
  });

  // Jumping to a seat (next alarm, arrow keys): scroll its row into view, then give it the keyboard focus.
  useEffect(
    () =>
      boardStore.subscribe((state, previous) => {
        if (state.focusRequest === previous.focusRequest || state.focused === null) return;
        const deskId = state.focused;
        const index = rowOf.get(deskId);
        if (index === undefined) return;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        let tries = 0;
        const focus = (): void => {
          const tile = scroller.current?.querySelector<HTMLElement>(`[data-desk-id="${CSS.escape(deskId)}"]`);
          if (tile) tile.focus({ preventScroll: true });
          else if (++tries < 10) requestAnimationFrame(focus);
        };
        requestAnimationFrame(focus);
      }),
    [rowOf, virtualizer],
  );

  const empty = phase === 'live' && rows.length === 0;
  return (
    <BoardLabelsContext value={labels}>
      <div
        ref={scroller}
        className="board-grid"
        data-testid="board-grid"
        style={
          {
            '--tile-width': `${TILE_WIDTH}px`,
            '--tile-height': `${TILE_HEIGHT}px`,
            '--tile-gap': `${GAP}px`,
          } as React.CSSProperties
        }
      >
        {phase === 'waiting' && <div className="board-grid-message">{t('board:waiting')}</div>}
        {empty && (
          <Empty
            className="board-grid-message"
            description={filter.alarmOnly && !isFiltering({ ...filter, alarmOnly: false }) ? t('board:filter.noAlarm') : t('board:filter.noMatch')}
          />
        )}
        <div className="board-grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                className={row.kind === 'team' ? 'board-row board-row-team' : 'board-row'}
                style={{
                  transform: `translateY(${item.start}px)`,
                  height: item.size,
                  paddingLeft: PADDING,
                  paddingRight: PADDING,
                }}
              >
                {row.kind === 'team' ? <TeamHeader team={row.team} /> : row.deskIds.map((deskId) => <SeatTile key={deskId} deskId={deskId} />)}
              </div>
            );
          })}
        </div>
      </div>
    </BoardLabelsContext>
  );
}
