import type { Sql } from '../db/sql';
import { HubFailure } from '../http/failure';

/**
 * Password guessing, slowed per account and per address: after a few
 * failures each further one makes the next try wait longer (doubling, up to a
 * quarter of an hour). A try that must wait is refused before any password
 * hash is computed, so guessing costs the hub nothing. Kept in the database,
 * so every hub process counts the same tries. Failures older than the reset
 * window are forgotten; a correct password clears the account's count (not the
 * address's: one account of one's own must not wipe a guessing address clean).
 */
const RULES = {
  account: { free: 5, baseS: 30 },
  address: { free: 20, baseS: 30 },
} as const;
const MAX_WAIT_S = 15 * 60;
const RESET_S = 30 * 60;

type Scope = keyof typeof RULES;
const keyOf = (scope: Scope, value: string): string => `${scope}:${value}`;

/** Refuses with THROTTLED and the wait in Chinese while either key must still wait. */
export async function checkThrottle(sql: Pick<Sql, 'query'>, username: string, address: string, now: Date): Promise<void> {
  const rows = await sql.query<{ blocked_until: Date | string }>('SELECT blocked_until FROM sign_in_failures WHERE key = ANY($1) AND blocked_until > $2', [
    [keyOf('account', username), keyOf('address', address)],
    now.toISOString(),
  ]);
  const until = Math.max(0, ...rows.map((r) => new Date(r.blocked_until).getTime()));
  if (until > now.getTime()) {
    const waitS = Math.ceil((until - now.getTime()) / 1000);
    throw new HubFailure('THROTTLED', `too many failed sign-ins; retry after ${String(waitS)} s`, { reason: 'SIGN_IN_LOCKED', retryAfterS: waitS });
  }
}

/** Counts one failure for the account and the address, and sets the wait the next try has to respect. */
export async function recordFailure(sql: Pick<Sql, 'query'>, username: string, address: string, now: Date): Promise<void> {
  for (const scope of ['account', 'address'] as const) {
    const rule = RULES[scope];
    await sql.query(
      `INSERT INTO sign_in_failures (key, failures, blocked_until, updated_at) VALUES ($1, 1, $2, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN sign_in_failures.updated_at < $2::timestamptz - make_interval(secs => $5::double precision) THEN 1 ELSE sign_in_failures.failures + 1 END,
         updated_at = $2::timestamptz,
         blocked_until = CASE
           WHEN sign_in_failures.updated_at < $2::timestamptz - make_interval(secs => $5::double precision) OR sign_in_failures.failures + 1 < $3::int THEN $2::timestamptz
           ELSE $2::timestamptz + make_interval(secs => least($6::double precision, $4::double precision * power(2, (sign_in_failures.failures + 1 - $3::int)::double precision)))
         END`,
      [keyOf(scope, scope === 'account' ? username : address), now.toISOString(), rule.free, rule.baseS, RESET_S, MAX_WAIT_S],
    );
  }
}

export async function clearAccountFailures(sql: Pick<Sql, 'query'>, username: string): Promise<void> {
  await sql.query('DELETE FROM sign_in_failures WHERE key = $1', [keyOf('account', username)]);
}
