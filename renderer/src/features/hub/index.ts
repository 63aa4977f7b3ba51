/**
 * The hub at the workbench: signing in and out of a shift, the shift summary, replies to call back.
 * The hub session itself is cross-feature state and lives in `core/hub-store.ts`.
 */
import { lazy } from 'react';

export { HubSessionStatus } from './HubSessionStatus';
export { HubShift } from './HubShift';
// The 回访 list comes in its own chunk, fetched when its tab is first opened; the tab's label (with its count) is
// on the first screen.
export const HubTicketList = lazy(() => import('./HubTicketList').then((m) => ({ default: m.HubTicketList })));
export { RepliesTabLabel } from './RepliesTabLabel';
export { hubShortcutHandlers } from './hub-shortcuts';
