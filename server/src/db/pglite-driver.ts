import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Sql, SqlTransaction } from './sql';

/** Without parameters, `exec` runs the text as a script (several statements, as migrations are). */
async function run<Row extends Record<string, unknown>>(db: PGlite | Transaction, text: string, params: readonly unknown[]): Promise<Row[]> {
  if (params.length) return (await db.query<Row>(text, [...params])).rows;
  const results = await db.exec(text);
  return (results.at(-1)?.rows ?? []) as Row[];
}

/** The embedded default: PostgreSQL compiled to WebAssembly, kept in `dataDir` (or in memory when omitted). */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = await PGlite.create(dataDir);
  return {
    driver: 'pglite',
    query: <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<Row[]> => run<Row>(db, text, params),
    transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
      return db.transaction(async (inner) =>
        work({ query: <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) => run<Row>(inner, text, params) }),
      );
    },
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => db.close(),
  };
}
