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
  /**
   * Calls `onPayload` for every NOTIFY on `channel` (from any process on the
   * same database); resolves to a function that stops listening. A listening
   * connection the database drops is re-opened by itself; `onLink` hears when
   * it was lost (notifications from then on are missed) and when it is back.
   */
  listen(channel: string, onPayload: (payload: string) => void, onLink?: (link: ListenLink) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The state of a LISTEN connection: `lost` until it is re-opened, then `restored`. */
export type ListenLink = 'lost' | 'restored';

export type SqlTransaction = Pick<Sql, 'query'>;

/** The single row a statement must return (an UPDATE … RETURNING of a row known to exist, say). */
export function onlyRow<Row>(rows: readonly Row[]): Row {
  const [row] = rows;
  if (row === undefined) throw new Error('expected one row, got none');
  return row;
}
