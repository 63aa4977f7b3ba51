import { lazy } from 'react';
import type * as TicketAreaModule from './TicketArea';

/**
 * Ticket registration (工单登记): the ticket area with its forms, and the ticket shortcuts.
 *
 * The forms (antd's form, selects, cascader and their validator) are a chunk of their own that the workbench starts
 * fetching in the frame that first paints it and renders once that frame is painted, `TicketAreaPlaceholder` in their
 * place meanwhile: the phone bar, the screen pop and the knowledge search are on screen without them. Nothing of a call waits for it (the phone, the screen pop and
 * F6 are in the first chunk); requests for the forms made before it is in wait for it (`whenTicketFormsIn`).
 */
type TicketAreaModule = typeof TicketAreaModule;
let loading: Promise<TicketAreaModule> | null = null;

/** Starts fetching the forms' chunk (once); the lazy `TicketArea` renders from the same fetch. */
export function loadTicketArea(): Promise<TicketAreaModule> {
  loading ??= import('./TicketArea');
  return loading;
}

export const TicketArea = lazy(() => loadTicketArea().then((m) => ({ default: m.TicketArea })));
export { TicketAreaPlaceholder } from './TicketAreaPlaceholder';
export { ticketShortcutHandlers } from './ticket-shortcuts';
