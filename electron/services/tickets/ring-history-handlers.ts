import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { DeskDatabase } from '../db/database';
import type { HubSession } from '../hub/hub-session';
import type { DeskSync } from '../sync/desk-sync';
import type { HubTicketReplica } from '../sync/hub-ticket-replica';
import { RingHistoryReader } from './ring-history';
import type { TicketStore } from './ticket-store';

/** The caller's history for the screen pop, while the call rings. */
export const ringHistoryHandlers = ({ db, tickets, hubTickets, hub, sync }: { db: DeskDatabase; tickets: TicketStore; hubTickets: HubTicketReplica; hub: HubSession; sync: DeskSync }) => {
  const reader = new RingHistoryReader({ db, tickets, replica: hubTickets, hub, sync });
  return {
    ringHistory: ({ number }) => reader.read(number),
  } satisfies Pick<DeskHandlers, 'ringHistory'>;
};
