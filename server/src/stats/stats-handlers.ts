import type { HubHandlers } from '../http/route';
import { ticketStats } from './ticket-stats';

/** The supervisors' statistics over a window. */
export const statsHandlers = {
  ticketStats: ({ hub, query }) => ticketStats(hub.sql, query),
} satisfies Pick<HubHandlers, 'ticketStats'>;
