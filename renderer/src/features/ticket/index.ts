/** Ticket registration (工单登记): the ticket area with its forms, and the ticket shortcuts. */
export { TicketArea } from './TicketArea';
export { ticketShortcutHandlers } from './ticket-shortcuts';
