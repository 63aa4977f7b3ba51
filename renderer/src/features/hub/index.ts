/**
 * The hub at the workbench: signing in and out of a shift, the shift summary, replies to call back.
 * The hub session itself is cross-feature state and lives in `core/hub-store.ts`.
 */
export { HubSessionStatus } from './HubSessionStatus';
export { HubShift } from './HubShift';
export { HubTicketList, RepliesTabLabel } from './HubTicketList';
export { hubShortcutHandlers } from './hub-shortcuts';
