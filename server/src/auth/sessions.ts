import { randomBytes } from 'node:crypto';
import type { Sql } from '../db/sql';
import type { TokenClaims } from './tokens';

/** One shift: a session is refreshed within this from its first sign-in, never beyond. */
export const SESSION_LIMIT_S = 12 * 60 * 60;

/** PostgreSQL channel on which every hub process hears of revoked sessions (`sid:…` or `user:…`), to close live sockets at once. */
export const SESSIONS_CHANNEL = 'hub_sessions';

export async function startSession(sql: Pick<Sql, 'query'>, username: string, deskId: string | null, now: Date): Promise<{ sid: string; endsAt: Date }> {
  const sid = randomBytes(18).toString('base64url');
  const endsAt = new Date(now.getTime() + SESSION_LIMIT_S * 1000);
  await sql.query('INSERT INTO sessions (id, username, desk_id, started_at, ends_at) VALUES ($1, $2, $3, $4, $5)', [sid, username, deskId, now.toISOString(), endsAt.toISOString()]);
  return { sid, endsAt };
}

export type SessionState = { live: true; endsAt: Date } | { live: false; why: 'unknown' | 'revoked' | 'disabled' | 'ended' };

/** Looked up on every request: a signed token is good only while its session is. */
export async function sessionState(sql: Pick<Sql, 'query'>, claims: Pick<TokenClaims, 'sid' | 'sub'>, now: Date): Promise<SessionState> {
  const [row] = await sql.query<{ revoked_at: Date | null; ends_at: Date | string; disabled: boolean }>(
    'SELECT s.revoked_at, s.ends_at, a.disabled FROM sessions s JOIN accounts a ON a.username = s.username WHERE s.id = $1 AND s.username = $2',
    [claims.sid, claims.sub],
  );
  if (!row) return { live: false, why: 'unknown' };
  if (row.revoked_at) return { live: false, why: 'revoked' };
  if (row.disabled) return { live: false, why: 'disabled' };
  const endsAt = new Date(row.ends_at);
  if (endsAt.getTime() <= now.getTime()) return { live: false, why: 'ended' };
  return { live: true, endsAt };
}

/** Ends one session (sign-out) and tells every process to close its sockets. */
export async function revokeSession(sql: Sql, sid: string, now: Date): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [sid, now.toISOString()]);
    await tx.query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, `sid:${sid}`]);
  });
}

/** Ends every session of an account (disabled), in the caller's transaction. */
export async function revokeSessionsOf(tx: Pick<Sql, 'query'>, username: string, now: Date): Promise<void> {
  await tx.query('UPDATE sessions SET revoked_at = $2 WHERE username = $1 AND revoked_at IS NULL', [username, now.toISOString()]);
  await tx.query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, `user:${username}`]);
}
