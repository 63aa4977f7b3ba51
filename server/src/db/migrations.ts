import type { Sql } from './sql';

/**
 * Numbered migrations, applied in order, each in its own transaction with
 * its row in `schema_migrations`. Never edit a released one: add a new one.
 * The statements are plain PostgreSQL that PGlite runs unchanged.
 */
export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}

export const hubMigrations: readonly HubMigration[] = [
  {
    version: 1,
    name: 'change versions',
    // One counter row, updated in the same transaction as every change: writers serialise on it, so a
    // pull that reads "changes with version > cursor" can never skip one that commits later.
    sql: `
      CREATE TABLE change_counter (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), version bigint NOT NULL);
      INSERT INTO change_counter (version) VALUES (0);
    `,
  },
];

/** Arbitrary, fixed: the advisory lock key of hub migrations. */
const MIGRATION_LOCK = 12_345_001;

export class FutureHubSchemaError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`hub database schema ${found} is newer than this hub supports (${supported})`);
    this.name = 'FutureHubSchemaError';
  }
}

/** Brings the database to the latest version; returns it. Safe to run from several hub processes at once. */
export async function migrateHub(sql: Sql, migrations: readonly HubMigration[] = hubMigrations): Promise<number> {
  // Several hub processes may start at once on one database: an advisory lock (held to the end of each
  // transaction) serialises them, including the CREATE TABLE, which is not safe to race even with IF NOT EXISTS.
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const supported = migrations.at(-1)?.version ?? 0;
  const current = await currentVersion(sql);
  if (current > supported) throw new FutureHubSchemaError(current, supported);
  for (const migration of migrations) {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
  }
  return currentVersion(sql);
}

async function currentVersion(sql: Sql): Promise<number> {
  const [latest] = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return latest?.version ?? 0;
}
