/**
 * The supervisor's panels, for the workbench's right pane and for any other
 * view that embeds them (the seat board): each reads the hub through the
 * DeskApi on its own and binds its keys on its own element.
 */
export { AlertsPanel } from './AlertsPanel';
export { ReviewQueue } from './ReviewQueue';
export { StatsPanel } from './stats/StatsPanel';
export { PlacementPanel } from './placement/PlacementPanel';
export { AlertsTabLabel, ReviewsTabLabel, SeatBoardButton } from './SupervisionTabs';
export { useAlertFeed, useAlertsStore } from './alerts-store';
export { useReviewStore } from './review-store';
export { canSupervise } from './supervision-access';
