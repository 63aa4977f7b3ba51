import pg from 'pg';
import { listenResiliently } from './pg-listener';
import type { Sql, SqlTransaction } from './sql';

/** Longest a single statement may run before PostgreSQL cancels it (HUB_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
/** Longest a transaction may sit idle holding its locks and its connection (HUB_IDLE_IN_TRANSACTION_TIMEOUT_MS). */
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

export interface PostgresOptions {
  /** Pool size. */
  max?: number;
  /** 0 turns the limit off (PostgreSQL's own default); so does it for the next one. */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/**
 * PostgreSQL through a `pg` pool. Every pooled connection starts with a
 * statement timeout and an idle-in-transaction timeout, so one slow query or
 * one transaction left open by a stuck request gives its connection back
 * (the request fails with PostgreSQL's cancellation) instead of holding one
 * of the pool's few connections, and its locks, for as long as it likes.
 */
export function connectPostgres(connectionString: string, options: PostgresOptions = {}): Sql {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  // An idle connection that the server drops (restart, failover) must not take the process down: the pool
  // replaces it on the next query, and that query's caller sees any error.
  pool.on('error', () => undefined);
  return {
    driver: 'postgres',
    async query<Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      // Without parameters the simple protocol runs, which also accepts several statements (migrations).
      const result = params.length ? await pool.query<Row>(text, [...params]) : await pool.query<Row>(text);
      return result.rows;
    },
    async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A checked-out connection that the server ends (idle-in-transaction timeout, restart) emits 'error' on
      // the client, not the pool: without a listener that takes the process down. The next query fails instead.
      let broken: Error | undefined;
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: SqlTransaction = {
          query: async <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) =>
            (params.length ? await client.query<Row>(text, [...params]) : await client.query<Row>(text)).rows,
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onError);
        // A broken connection is destroyed rather than handed to the next request.
        client.release(broken);
      }
    },
    listen: (channel, onPayload, onLink) => listenResiliently(connectionString, channel, onPayload, onLink),
    close: () => pool.end(),
  };
}
