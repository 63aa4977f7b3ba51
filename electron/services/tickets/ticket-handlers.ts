import type { DeskHandlers } from '../../../shared/desk-handlers';
import { summariseHistory } from '../../../shared/tickets/caller-history';
import type { Authorship } from '../authorship';
import type { HubSession } from '../hub/hub-session';
import type { SettingsService } from '../settings-service';
import type { HubTicketReplica } from '../sync/hub-ticket-replica';
import type { TicketStore } from './ticket-store';

export interface TicketHandlerDeps {
  tickets: TicketStore;
  hubTickets: HubTicketReplica;
  hub: HubSession;
  authorship: Authorship;
  settings: Pick<SettingsService, 'get'>;
}

/** Drafts, the ticket writes (each queued for the hub) and this desk's own ticket reads. */
export const ticketHandlers = ({ tickets, hubTickets, hub, authorship, settings }: TicketHandlerDeps) =>
  ({
    saveTicketDraft: (draft) => tickets.saveDraft(authorship.draftKey(), draft),
    loadTicketDraft: () => tickets.loadDraft(authorship.draftKey()),
    clearTicketDraft: () => {
      tickets.clearDraft(authorship.draftKey());
      return null;
    },
    registerTicket: ({ registration, trainee }) =>
      authorship.queued(tickets.register(registration, { author: authorship.author(), trainee: trainee || hub.account()?.role === 'trainee', draftKey: authorship.draftKey() })),
    answerTicket: ({ ticketId, answer }) => authorship.queued(tickets.answer(ticketId, answer)),
    transferTicket: ({ ticketId, transfer }) => authorship.queued(tickets.transfer(ticketId, transfer)),
    recordCallback: ({ ticketId, callback, close }) => {
      // A department's reply reached the desk through the hub: the local record catches up before the callback.
      hubTickets.alignForCallback(ticketId);
      return authorship.queued(tickets.recordCallback(ticketId, callback, close ? settings.get().closeAfterCallback : null));
    },
    recordUnreachable: ({ ticketId, note }) => {
      hubTickets.alignForCallback(ticketId);
      return authorship.queued(tickets.recordUnreachable(ticketId, note));
    },
    takeUpReturnedTicket: ({ ticketId }) => hubTickets.takeUpReturned(ticketId),
    listTickets: ({ limit }) => tickets.list(limit),
    findTicket: ({ ticketId }) => tickets.find(ticketId),
    callerHistory: ({ number, category, limit, excludeTicketId }) => {
      const found = tickets.byCallerLine(number, limit ?? 20);
      return { tickets: found, ...summariseHistory(found, new Date(), category ?? null, excludeTicketId ?? null) };
    },
  }) satisfies Pick<
    DeskHandlers,
    'saveTicketDraft' | 'loadTicketDraft' | 'clearTicketDraft' | 'registerTicket' | 'answerTicket' | 'transferTicket' | 'recordCallback' | 'recordUnreachable' | 'takeUpReturnedTicket' | 'listTickets' | 'findTicket' | 'callerHistory'
  >;
