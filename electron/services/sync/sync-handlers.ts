import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { DeskSync } from './desk-sync';
import type { OutboxQueue } from './outbox-queue';

/** The outbox's state, a sync on demand, and the entries the hub refused. */
export const syncHandlers = ({ sync, outbox }: { sync: DeskSync; outbox: OutboxQueue }) =>
  ({
    getSyncStatus: () => sync.status(),
    syncNow: () => sync.syncNow(),
    listRejectedOutbox: () =>
      outbox.rejected().map(({ seq, author, kind, ticketId, createdAt, reason, details, rejectedAt }) => ({ seq, author, kind, ticketId, createdAt, reason, ...(details ? { details } : {}), rejectedAt })),
  }) satisfies Pick<DeskHandlers, 'getSyncStatus' | 'syncNow' | 'listRejectedOutbox'>;
