import type { PresenceReport } from '../../../shared/hub/presence';
import type { TokenClaims } from '../auth/tokens';
import type { SqlTransaction } from '../db/sql';

/**
 * The calls the hub learns of from a seat's presence reports, kept for the
 * placement record (实习档案): a call is its seat and start time (a report
 * repeated during the call changes nothing); it ends at the seat's next state
 * that is not a call. Best effort, like presence itself: a call made while the
 * hub was unreachable is not seen.
 */
export async function recordSeatCall(tx: SqlTransaction, user: Pick<TokenClaims, 'deskId' | 'sub'>, report: PresenceReport): Promise<void> {
  const { deskId, sub: operator } = user;
  if (!deskId) return;
  if (report.state === 'on_call' && report.callStartedAt) {
    // A new call straight after another (no report in between) ends the one before.
    await tx.query('UPDATE seat_calls SET ended_at = $2 WHERE desk_id = $1 AND ended_at IS NULL AND started_at < $2', [deskId, report.callStartedAt]);
    await tx.query('INSERT INTO seat_calls (desk_id, operator, started_at) VALUES ($1, $2, $3) ON CONFLICT (desk_id, started_at) DO NOTHING', [deskId, operator, report.callStartedAt]);
    return;
  }
  await tx.query('UPDATE seat_calls SET ended_at = $2 WHERE desk_id = $1 AND ended_at IS NULL AND started_at <= $2', [deskId, report.since]);
}
