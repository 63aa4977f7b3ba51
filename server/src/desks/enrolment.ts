import type { DeskCredential, DeskEnrolment, EnrolledDesk } from '../../../shared/hub/desks';
import type { enrolDeskInputSchema } from '../../../shared/hub/desks';
import type { z } from 'zod';
import type { Sql } from '../db/sql';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import { SESSIONS_CHANNEL } from '../auth/sessions';
import { newDeskCredential, newEnrolmentCode, secretHash } from './desk-secrets';

interface DeskRow extends Record<string, unknown> {
  id: string | number;
  seat: string;
  team: string | null;
  extension: string | null;
  desk_id: string | null;
  code_expires_at: Date | string | null;
  enrolled_by: string;
  enrolled_at: Date | string;
  redeemed_at: Date | string | null;
  retired_at: Date | string | null;
  accounts: string[] | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toEnrolment(row: DeskRow, now: Date): DeskEnrolment {
  const expired = row.code_expires_at !== null && new Date(row.code_expires_at).getTime() <= now.getTime();
  const state = row.retired_at ? 'retired' : row.desk_id ? 'enrolled' : expired ? 'expired' : 'waiting';
  return {
    id: Number(row.id),
    seat: row.seat,
    team: row.team,
    extension: row.extension,
    state,
    deskId: row.desk_id,
    enrolledBy: row.enrolled_by,
    enrolledAt: iso(row.enrolled_at) ?? '',
    codeExpiresAt: row.desk_id ? null : iso(row.code_expires_at),
    redeemedAt: iso(row.redeemed_at),
    retiredAt: iso(row.retired_at),
    accounts: row.accounts ?? [],
  };
}

const DESK_SELECT = `SELECT d.*, (SELECT array_agg(username ORDER BY last_at DESC) FROM desk_accounts a WHERE a.desk_id = d.desk_id) AS accounts FROM desks d`;

/** Enrols a desk for a seat and returns its one-time code (only the code's hash is kept). */
export async function enrolDesk(hub: HubContext, enrolledBy: string, input: z.output<typeof enrolDeskInputSchema>): Promise<EnrolledDesk> {
  const code = newEnrolmentCode();
  const now = hub.now();
  const expiresInS = input.expiresInHours * 3600;
  const rows = await hub.sql.query<{ id: string }>(
    `INSERT INTO desks (seat, team, extension, code_hash, code_expires_at, enrolled_by, enrolled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (seat) WHERE retired_at IS NULL DO NOTHING RETURNING id`,
    [input.seat, input.team, input.extension, secretHash(code.replace(/-/g, '')), new Date(now.getTime() + expiresInS * 1000).toISOString(), enrolledBy, now.toISOString()],
  );
  if (!rows[0]) throw new HubFailure('CONFLICT', `seat ${input.seat} already has a live enrolment; retire it first`, { reason: 'SEAT_ALREADY_ENROLLED', subject: input.seat });
  return { enrolment: await readEnrolment(hub, Number(rows[0].id)), code, codeExpiresInS: expiresInS };
}

export async function listDesks(hub: HubContext): Promise<DeskEnrolment[]> {
  const rows = await hub.sql.query<DeskRow>(`${DESK_SELECT} ORDER BY d.retired_at IS NOT NULL, d.seat, d.id`);
  const now = hub.now();
  return rows.map((row) => toEnrolment(row, now));
}

async function readEnrolment(hub: HubContext, id: number): Promise<DeskEnrolment> {
  const [row] = await hub.sql.query<DeskRow>(`${DESK_SELECT} WHERE d.id = $1`, [id]);
  if (!row) throw new HubFailure('NOT_FOUND', `no desk enrolment ${String(id)}`, { reason: 'ENROLMENT_NOT_FOUND', subject: String(id) });
  return toEnrolment(row, hub.now());
}

/**
 * Retires a desk: its code can no longer be redeemed, its credential no longer
 * signs in, and every session already issued for it is revoked at once (its
 * next request is refused, its live sockets close).
 */
export async function retireDesk(hub: HubContext, id: number): Promise<DeskEnrolment> {
  const now = hub.now().toISOString();
  const retired = await hub.sql.transaction(async (tx) => {
    const [row] = await tx.query<{ desk_id: string | null }>('UPDATE desks SET retired_at = $2, code_hash = NULL WHERE id = $1 AND retired_at IS NULL RETURNING desk_id', [id, now]);
    if (!row) return false;
    if (row.desk_id) {
      // Its sessions end now, and every hub process closes their live sockets (see auth/sessions.ts).
      const revoked = await tx.query<{ id: string }>('UPDATE sessions SET revoked_at = $2 WHERE desk_id = $1 AND revoked_at IS NULL RETURNING id', [row.desk_id, now]);
      for (const session of revoked) await tx.query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, `sid:${session.id}`]);
      await tx.query('DELETE FROM presence WHERE desk_id = $1', [row.desk_id]);
    }
    return true;
  });
  if (!retired) {
    await readEnrolment(hub, id); // NOT_FOUND when there is no such enrolment
    throw new HubFailure('CONFLICT', `desk enrolment ${String(id)} is retired already`, { reason: 'ENROLMENT_RETIRED', subject: String(id) });
  }
  return readEnrolment(hub, id);
}

/**
 * Demo mode: fresh one-time codes for the next free demo seats (D-01, D-02, …),
 * so a newcomer's desk can be enrolled without an admin at hand.
 */
export async function demoEnrolmentCodes(hub: HubContext, count: number): Promise<{ seat: string; code: string; expiresAt: string | null }[]> {
  const codes: { seat: string; code: string; expiresAt: string | null }[] = [];
  for (let n = 1; codes.length < count && n <= 99; n++) {
    const seat = `D-${String(n).padStart(2, '0')}`;
    try {
      const enrolled = await enrolDesk(hub, 'demo', { seat, team: '演示', extension: null, expiresInHours: 24 });
      codes.push({ seat, code: enrolled.code, expiresAt: enrolled.enrolment.codeExpiresAt });
    } catch (error) {
      if (!(error instanceof HubFailure && error.code === 'CONFLICT')) throw error;
    }
  }
  return codes;
}

/** Redemptions that failed from one address within the window before it must wait. */
export const REDEEM_LIMIT = { failures: 10, windowMinutes: 15 };

/**
 * Exchanges a one-time code for the desk's credential, binding the enrolment
 * to the desk's own id. A code works once, before it expires, and never for a
 * desk id that is already enrolled. Failed attempts are counted per address.
 */
export async function redeemEnrolment(hub: HubContext, address: string, code: string, deskId: string): Promise<DeskCredential> {
  const now = hub.now();
  const windowStart = new Date(now.getTime() - REDEEM_LIMIT.windowMinutes * 60_000).toISOString();
  const [recent] = await hub.sql.query<{ n: string; oldest: Date | string | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM desk_redeem_failures WHERE address = $1 AND at > $2',
    [address, windowStart],
  );
  if (recent && Number(recent.n) >= REDEEM_LIMIT.failures && recent.oldest) {
    const waitS = Math.max(1, Math.ceil((new Date(recent.oldest).getTime() + REDEEM_LIMIT.windowMinutes * 60_000 - now.getTime()) / 1000));
    throw new HubFailure('THROTTLED', `too many wrong enrolment codes from this address; retry after ${String(waitS)} s`, { reason: 'ENROLMENT_LOCKED', retryAfterS: waitS });
  }
  const credential = newDeskCredential();
  const codeHash = secretHash(code);
  const row = await hub.sql.transaction(async (tx) => {
    // A desk id already bound by another enrolment is never taken over.
    const [taken] = await tx.query('SELECT 1 FROM desks WHERE desk_id = $1 AND code_hash IS DISTINCT FROM $2', [deskId, codeHash]);
    if (taken) return null;
    // The same desk may redeem its code again until its credential has been used (its first answer was lost);
    // a new credential replaces the unused one.
    const [bound] = await tx.query<DeskRow>(
      `UPDATE desks SET desk_id = $2, credential_hash = $3, redeemed_at = $4
        WHERE code_hash = $1 AND retired_at IS NULL AND code_expires_at > $4
          AND (desk_id IS NULL OR (desk_id = $2 AND NOT credential_used))
        RETURNING *`,
      [codeHash, deskId, secretHash(credential), now.toISOString()],
    );
    return bound ?? null;
  });
  if (!row) {
    await hub.sql.query('INSERT INTO desk_redeem_failures (address, at) VALUES ($1, $2)', [address, now.toISOString()]);
    await hub.sql.query('DELETE FROM desk_redeem_failures WHERE at < $1', [windowStart]);
    throw new HubFailure('FORBIDDEN', 'enrolment code wrong, used or expired', { reason: 'ENROLMENT_CODE_REFUSED' });
  }
  return { deskId, credential, seat: row.seat, team: row.team, extension: row.extension };
}

/** What the hub knows of an enrolled, active desk. */
export interface DeskFacts {
  seat: string;
  team: string | null;
  extension: string | null;
}

export async function activeDesk(sql: Sql, deskId: string): Promise<(DeskFacts & { credentialHash: string | null; credentialUsed: boolean }) | null> {
  const [row] = await sql.query<{ seat: string; team: string | null; extension: string | null; credential_hash: string | null; credential_used: boolean }>(
    'SELECT seat, team, extension, credential_hash, credential_used FROM desks WHERE desk_id = $1 AND retired_at IS NULL',
    [deskId],
  );
  return row ? { seat: row.seat, team: row.team, extension: row.extension, credentialHash: row.credential_hash, credentialUsed: row.credential_used } : null;
}
