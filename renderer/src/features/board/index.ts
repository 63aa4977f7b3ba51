import { lazy } from 'react';

/**
 * The supervisors' seat board (坐席监控) for the rest of the app. It is the same app at `?view=board`,
 * loaded on demand in a chunk of its own so the workbench never carries it.
 */
export const BoardView = lazy(() => import('./BoardView').then((m) => ({ default: m.BoardScreen })));
