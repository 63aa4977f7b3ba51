/**
 * The hub's one way to talk to its database, with two drivers behind it:
 * PostgreSQL through `pg` (production: stateless hub processes in front of
 * one primary, scaled with PostgreSQL's own replication) and PGlite (the same
 * SQL embedded, so one machine or a demo needs no PostgreSQL install).
 * Only parameterised queries; SQL strings never carry values.
 */
export interface Sql {
  readonly driver: 'postgres' | 'pglite';
  query<Row extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type SqlTransaction = Pick<Sql, 'query'>;
