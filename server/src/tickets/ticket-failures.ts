import { HubFailure } from '../http/failure';

/** The refusals every ticket read and action shares, with the ticket asked for as their subject. */
export const ticketNotFound = (idOrNumber: string): HubFailure =>
  new HubFailure('NOT_FOUND', `no ticket ${idOrNumber}`, { reason: 'TICKET_NOT_FOUND', subject: idOrNumber });

export const confidentialTicket = (idOrNumber: string): HubFailure =>
  new HubFailure('FORBIDDEN', `ticket ${idOrNumber} is confidential to this account`, { reason: 'CONFIDENTIAL_TICKET', subject: idOrNumber });
