/**
 * A ticket named in a form: by the number the hub gave it (`YYYYMMDD-NNNNNN`) or by its id (a UUIDv7). The
 * same checks as `ticketNumberSchema` (hub/hub-ticket.ts) and `ticketIdSchema` (ticket.ts), without zod, for
 * the workbench's first paint; ticket-reference.test.ts holds them to the schemas' answers.
 */
export const TICKET_NUMBER_PATTERN = /^\d{8}-\d{6,}$/;
const TICKET_ID_PATTERN = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$/;

export function isTicketNumber(text: string): boolean {
  return TICKET_NUMBER_PATTERN.test(text);
}

export function isTicketId(text: string): boolean {
  return TICKET_ID_PATTERN.test(text);
}

/** 关联工单 as the registration form takes it: empty, a ticket number or a ticket id. */
export function isRelatedTicketReference(text: string): boolean {
  return text === '' || isTicketNumber(text) || isTicketId(text);
}
