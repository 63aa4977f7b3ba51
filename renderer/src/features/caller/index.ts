/** The caller panel (来电信息): who is calling, their earlier calls, and the link that fills the ticket form. */
export { CallerPanel } from './CallerPanel';
export { callerShortcutHandlers } from './caller-shortcuts';
export { useLinkFillsTicket } from './use-link-fills-ticket';
