import type { HubHandlers } from '../http/route';
import { acceptTicket, closeTicket, replyToTicket, returnTicket, reviewTicket } from './ticket-actions';
import { callerHistory, departmentInbox, findTicketByNumber, readTicket, reviewQueue, ticketEvents } from './ticket-queries';

/** Reading tickets, the departments' double feedback, and the supervisors' review of trainees' tickets. */
export const ticketHandlers = {
  findTicketByNumber: ({ hub, user, params }) => findTicketByNumber(hub, user, params.number),
  readTicket: ({ hub, user, params }) => readTicket(hub, user, params.id),
  ticketEvents: ({ hub, user, params }) => ticketEvents(hub, user, params.id),
  callerHistory: ({ hub, user, params, query }) => callerHistory(hub, user, { number: params.number, ...query }),
  departmentInbox: ({ hub, user, query }) => departmentInbox(hub, user, query.limit),
  acceptTicket: ({ hub, user, params }) => acceptTicket(hub, user, params.id),
  returnTicket: ({ hub, user, params, body }) => returnTicket(hub, user, params.id, body.reason),
  replyToTicket: ({ hub, user, params, body }) => replyToTicket(hub, user, params.id, body),
  closeTicket: ({ hub, user, params }) => closeTicket(hub, user, params.id),
  reviewQueue: ({ hub, user, query }) => reviewQueue(hub, user, query.limit),
  decideReview: ({ hub, user, params, body }) => reviewTicket(hub, user, params.id, body),
} satisfies Pick<
  HubHandlers,
  'findTicketByNumber' | 'readTicket' | 'ticketEvents' | 'callerHistory' | 'departmentInbox' | 'acceptTicket' | 'returnTicket' | 'replyToTicket' | 'closeTicket' | 'reviewQueue' | 'decideReview'
>;
