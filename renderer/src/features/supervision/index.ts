/**
 * The supervisor's panels, for the workbench's right pane and for any other
 * view that embeds them (the seat board): each reads the hub through the
 * DeskApi on its own and binds its keys on its own element.
 */
import { lazy } from 'react';

// The panels come in their own chunks, fetched when a supervisor first opens one: an operator's
// workbench paints without the supervisors' code (the tab labels and stores below are small).
export const AlertsPanel = lazy(() => import('./AlertsPanel').then((m) => ({ default: m.AlertsPanel })));
export const ReviewQueue = lazy(() => import('./ReviewQueue').then((m) => ({ default: m.ReviewQueue })));
export const StatsPanel = lazy(() => import('./stats/StatsPanel').then((m) => ({ default: m.StatsPanel })));
export const PlacementPanel = lazy(() => import('./placement/PlacementPanel').then((m) => ({ default: m.PlacementPanel })));
export { AlertsTabLabel, ReviewsTabLabel, SeatBoardButton } from './SupervisionTabs';
export { useAlertFeed, useAlertsStore } from './alerts-store';
export { useReviewStore } from './review-store';
export { canSupervise } from './supervision-access';
export { supervisionShortcutHandlers } from './supervision-shortcuts';
