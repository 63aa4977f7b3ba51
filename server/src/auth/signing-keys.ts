import type { Sql } from '../db/sql';
import type { SigningKey } from './tokens';
import { newSigningKey } from './tokens';

/** PostgreSQL channel on which every hub process hears that the keys changed. */
export const KEYS_CHANNEL = 'hub_signing_keys';

/** The current key and the one before it, newest first. */
export async function readSigningKeys(sql: Pick<Sql, 'query'>): Promise<SigningKey[]> {
  const rows = await sql.query<{ id: string; key: Buffer | Uint8Array }>('SELECT id, key FROM signing_keys ORDER BY created_at DESC, id LIMIT 2');
  return rows.map((row) => ({ id: row.id, key: Buffer.from(row.key) }));
}

/** At first start: a key from the CSPRNG (two processes starting at once may each add one; both then verify). */
export async function ensureSigningKey(sql: Sql): Promise<SigningKey[]> {
  const fresh = newSigningKey();
  await sql.query('INSERT INTO signing_keys (id, key, created_at) SELECT $1, $2, clock_timestamp() WHERE NOT EXISTS (SELECT 1 FROM signing_keys)', [fresh.id, fresh.key]);
  return readSigningKeys(sql);
}

/**
 * A new current key; the previous one still verifies the tokens it signed
 * (they expire within the hour), older ones are dropped. Every process
 * reloads on the notification.
 */
export async function rotateSigningKey(sql: Sql): Promise<{ keyId: string }> {
  const fresh = newSigningKey();
  await sql.transaction(async (tx) => {
    await tx.query('INSERT INTO signing_keys (id, key, created_at) VALUES ($1, $2, clock_timestamp())', [fresh.id, fresh.key]);
    await tx.query('DELETE FROM signing_keys WHERE id NOT IN (SELECT id FROM signing_keys ORDER BY created_at DESC, id LIMIT 2)');
    await tx.query('SELECT pg_notify($1, $2)', [KEYS_CHANNEL, fresh.id]);
  });
  return { keyId: fresh.id };
}
