import { lazy } from 'react';

/** The caller's history (历史工单) in the right pane: this desk's tickets merged with the hub's. Its own chunk, fetched when its tab is first opened. */
export const HistoryPanel = lazy(() => import('./HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
