import pg from 'pg';
import type { Sql, SqlTransaction } from './sql';

/** PostgreSQL through a `pg` pool. */
export function connectPostgres(connectionString: string, options: { max?: number } = {}): Sql {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
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
        client.release();
      }
    },
    async listen(channel, onPayload) {
      // LISTEN holds its connection for as long as it listens: a client of its own, not one from the pool.
      const client = new pg.Client({ connectionString });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end();
      };
    },
    close: () => pool.end(),
  };
}
