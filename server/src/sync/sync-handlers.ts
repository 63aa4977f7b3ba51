import type { HubHandlers } from '../http/route';
import { pullChanges } from './pull';
import { applyPush } from './push';

/** The desks' outbox in, the hub's changes out. */
export const syncHandlers = {
  pushOutbox: ({ hub, user, body }) => applyPush(hub, user, body),
  pullChanges: ({ hub, user, query }) => pullChanges(hub, user, query.cursor, query.limit),
} satisfies Pick<HubHandlers, 'pushOutbox' | 'pullChanges'>;
