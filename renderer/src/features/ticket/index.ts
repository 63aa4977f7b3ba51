import { lazy } from 'react';

/**
 * Ticket registration (工单登记): the ticket area with its forms, and the ticket shortcuts.
 *
 * The forms (antd's form, selects, cascader and their validator) are a chunk of their own that the workbench asks for
 * right after its first paint, with `TicketAreaPlaceholder` in their place meanwhile: the phone bar, the screen pop
 * and the knowledge search are on screen without them. Nothing of a call waits for it (the phone, the screen pop and
 * F6 are in the first chunk); requests for the forms made before it is in wait for it (`whenTicketFormsIn`).
 */
export const TicketArea = lazy(() => import('./TicketArea').then((m) => ({ default: m.TicketArea })));
export { TicketAreaPlaceholder } from './TicketAreaPlaceholder';
export { ticketShortcutHandlers } from './ticket-shortcuts';
