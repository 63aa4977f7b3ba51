import pg from 'pg';
import type { BackoffPolicy } from '../../../shared/sync/backoff';
import { backoffDelayMs } from '../../../shared/sync/backoff';
import type { ListenLink } from './sql';

/**
 * Re-opening a lost LISTEN connection: quick first tries (a restart of PostgreSQL takes seconds), never more than
 * a few seconds apart, so a supervisor's board is live again within seconds of the database coming back.
 */
export const listenBackoff: BackoffPolicy = { initialMs: 250, maxMs: 4_000, factor: 2, minShare: 0.5 };

/**
 * LISTEN on its own connection (it holds the connection for as long as it listens), re-opened with backoff and
 * jitter whenever PostgreSQL drops it (restart, failover, a terminated backend). Notifications sent while it was
 * down are gone for good: `onLink('lost')` and `onLink('restored')` let the caller say so and re-read what it shows.
 * The first connection must succeed (a hub that cannot listen at start says so at once); later ones are retried
 * until `stop` is called.
 */
export async function listenResiliently(
  connectionString: string,
  channel: string,
  onPayload: (payload: string) => void,
  onLink: (link: ListenLink) => void = () => undefined,
  policy: BackoffPolicy = listenBackoff,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let lost = false;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const open = async (): Promise<void> => {
    const fresh = new pg.Client({ connectionString });
    // 'error' and 'end' both mean the connection is gone; one re-open is scheduled whichever comes first.
    const drop = (): void => {
      if (client !== fresh) return;
      client = null;
      fresh.removeAllListeners('notification');
      void fresh.end().catch(() => undefined);
      linkLost();
    };
    fresh.on('error', drop);
    fresh.on('end', drop);
    fresh.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    client = fresh;
    try {
      await fresh.connect();
      await fresh.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      if (client === fresh) client = null;
      fresh.removeAllListeners();
      fresh.on('error', () => undefined);
      await fresh.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await fresh.end().catch(() => undefined);
      return;
    }
    attempts = 0;
    if (lost) {
      lost = false;
      onLink('restored');
    }
  };

  const retry = (): void => {
    timer = null;
    if (stopped) return;
    open().catch(() => {
      scheduleRetry();
    });
  };
  const scheduleRetry = (): void => {
    if (stopped || timer) return;
    attempts += 1;
    timer = setTimeout(retry, backoffDelayMs(attempts, policy));
    timer.unref();
  };
  const linkLost = (): void => {
    if (stopped) return;
    if (!lost) {
      lost = true;
      onLink('lost');
    }
    scheduleRetry();
  };

  await open();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    const last = client;
    client = null;
    if (last) {
      last.removeAllListeners('end');
      await last.end().catch(() => undefined);
    }
  };
}
