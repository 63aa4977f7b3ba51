import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { Authorship } from '../authorship';
import type { HubSession } from '../hub/hub-session';
import type { HubTicketReplica } from '../sync/hub-ticket-replica';
import { ExistingTickets } from './existing-tickets';
import type { TicketStore } from './ticket-store';

/** A caller's existing ticket: found, its timeline, and a supplement or an urge queued for it. */
export const existingTicketHandlers = ({ tickets, hubTickets, hub, authorship }: { tickets: TicketStore; hubTickets: HubTicketReplica; hub: HubSession; authorship: Authorship }) => {
  const existing = new ExistingTickets(tickets, hubTickets, hub);
  return {
    findTickets: ({ query }) => existing.find(query),
    ticketTimeline: ({ ticketId }) => existing.timeline(ticketId),
    resolveTicketNumber: ({ number }) => existing.resolveNumber(number),
    supplementTicket: ({ ticketId, supplement }) => {
      tickets.followUp(ticketId, 'ticket.supplement', supplement, authorship.author());
      return authorship.queued({ queued: true as const });
    },
    urgeTicket: ({ ticketId, urge }) => {
      tickets.followUp(ticketId, 'ticket.urge', urge, authorship.author());
      return authorship.queued({ queued: true as const });
    },
  } satisfies Pick<DeskHandlers, 'findTickets' | 'ticketTimeline' | 'resolveTicketNumber' | 'supplementTicket' | 'urgeTicket'>;
};
