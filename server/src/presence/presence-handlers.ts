import type { HubHandlers } from '../http/route';
import { reportPresence, seats } from './presence';

/** Seats report their state; supervisors read them all (live: the WebSocket feed in app.ts). */
export const presenceHandlers = {
  reportPresence: ({ hub, user, body }) => reportPresence(hub, user, body),
  listSeats: ({ hub }) => seats(hub),
} satisfies Pick<HubHandlers, 'reportPresence' | 'listSeats'>;
