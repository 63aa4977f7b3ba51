import type { PresenceReport, Seat } from '../../../shared/hub/presence';
import { onlyRow } from '../db/sql';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import { recordSeatCall } from './seat-calls';

/** PostgreSQL channel on which every hub process hears every seat change. */
export const PRESENCE_CHANNEL = 'hub_presence';

interface SeatRow extends Record<string, unknown> {
  desk_id: string;
  operator: string;
  display_name: string | null;
  team: string | null;
  state: Seat['state'];
  since: Date | string;
  call_started_at: Date | string | null;
  reason: string | null;
  help_requested: boolean;
  extension: string | null;
  seat_name: string | null;
  reported_at: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

const toSeat = (row: SeatRow): Seat => ({
  deskId: row.desk_id,
  operator: row.operator,
  displayName: row.display_name ?? row.operator,
  team: row.team,
  state: row.state,
  since: iso(row.since),
  callStartedAt: row.call_started_at ? iso(row.call_started_at) : null,
  reason: row.reason,
  helpRequested: row.help_requested,
  extension: row.extension,
  seatName: row.seat_name,
  reportedAt: iso(row.reported_at),
});

const SEAT_SELECT = `SELECT p.desk_id, p.operator, a.display_name, a.team, p.state, p.since, p.call_started_at, p.reason, p.help_requested, p.extension, d.seat AS seat_name, p.reported_at
  FROM presence p LEFT JOIN accounts a ON a.username = p.operator LEFT JOIN desks d ON d.desk_id = p.desk_id`;

/**
 * Stores the state of the session's own desk (proven at sign-in by the desk's
 * credential, never named in the report) with the extension it was enrolled
 * with, and notifies every hub process in the same
 * transaction (NOTIFY is delivered at commit, so no process hears of a
 * state that was rolled back).
 */
export async function reportPresence(hub: HubContext, user: TokenClaims, report: PresenceReport): Promise<Seat> {
  if (!user.deskId) throw new HubFailure('FORBIDDEN', 'only a desk session reports a seat state', { reason: 'DESK_SESSION_REQUIRED' });
  return hub.sql.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO presence (desk_id, operator, state, since, call_started_at, reason, help_requested, extension, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE((SELECT extension FROM desks WHERE desk_id = $1 AND retired_at IS NULL), $8), $9)
       ON CONFLICT (desk_id) DO UPDATE SET operator = excluded.operator, state = excluded.state, since = excluded.since,
         call_started_at = excluded.call_started_at, reason = excluded.reason, help_requested = excluded.help_requested,
         extension = excluded.extension, reported_at = excluded.reported_at`,
      [user.deskId, user.sub, report.state, report.since, report.callStartedAt, report.reason, report.helpRequested, report.extension, hub.now().toISOString()],
    );
    await recordSeatCall(tx, user, report);
    const seat = toSeat(onlyRow(await tx.query<SeatRow>(`${SEAT_SELECT} WHERE p.desk_id = $1`, [user.deskId])));
    await tx.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify(seat)]);
    return seat;
  });
}

export async function seats(hub: HubContext): Promise<Seat[]> {
  return (await hub.sql.query<SeatRow>(`${SEAT_SELECT} ORDER BY a.team NULLS LAST, p.desk_id`)).map(toSeat);
}
