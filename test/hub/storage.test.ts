/**
 * The hub's storage layer, the same checks on both drivers: a real PostgreSQL
 * server started for this file, and the embedded PGlite default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FutureHubSchemaError, hubMigrations, migrateHub } from '../../server/src/db/migrations';
import { connectPostgres } from '../../server/src/db/pg-driver';
import { openPglite } from '../../server/src/db/pglite-driver';
import type { Sql } from '../../server/src/db/sql';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';

let server: ThrowAwayPostgres;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
}, 60_000);
afterAll(() => {
  server.stop();
});

const drivers: [string, () => Promise<Sql>][] = [
  ['PostgreSQL', () => Promise.resolve(connectPostgres(server.url))],
  ['PGlite', () => openPglite()],
];

describe.each(drivers)('hub storage on %s', (_name, open) => {
  it('migrates a fresh database, and a second run (another hub process) changes nothing', async () => {
    const sql = await open();
    try {
      await sql.query('DROP TABLE IF EXISTS schema_migrations, change_counter');
      const latest = hubMigrations.at(-1)!.version;
      const [first, second] = await Promise.all([migrateHub(sql), migrateHub(sql)]);
      expect([first, second]).toEqual([latest, latest]);
      expect(await sql.query('SELECT version FROM change_counter')).toEqual([{ version: expect.anything() as unknown }]);
      expect(await sql.query('SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: hubMigrations.length }]);
    } finally {
      await sql.close();
    }
  });

  it('rolls a failed transaction back completely', async () => {
    const sql = await open();
    try {
      await migrateHub(sql);
      await sql.query('UPDATE change_counter SET version = 5');
      await expect(
        sql.transaction(async (tx) => {
          await tx.query('UPDATE change_counter SET version = version + 1');
          await tx.query('SELECT 1 / 0');
        }),
      ).rejects.toThrow(/division by zero/);
      expect(await sql.query('SELECT version::int AS version FROM change_counter')).toEqual([{ version: 5 }]);
    } finally {
      await sql.close();
    }
  });

  it('refuses a database migrated by a newer hub', async () => {
    const sql = await open();
    try {
      await migrateHub(sql);
      await sql.query(`INSERT INTO schema_migrations (version, name) VALUES (9999, 'from the future')`);
      await expect(migrateHub(sql)).rejects.toBeInstanceOf(FutureHubSchemaError);
      await sql.query('DELETE FROM schema_migrations WHERE version = 9999');
    } finally {
      await sql.close();
    }
  });
});
