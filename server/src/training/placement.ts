import type { Placement, PlacementQuery, Trainee } from '../../../shared/hub/placement';
import { MAX_PLACEMENT_DAYS } from '../../../shared/hub/placement';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import type { DayCounts } from './placement-days';
import { addDays, centreDate, daysFrom, placementFigures } from './placement-days';

/** The default range: the 30 days up to today, as a month's placement. */
const DEFAULT_DAYS = 30;

// $1 account, $2 time zone, $3 first day, $4 last day. Days are the centre's calendar days; the edges are
// that zone's midnights, so a night-shift call at 23:30 counts for the day it started.
const IN_RANGE = (column: string): string =>
  `${column} >= ($3::date)::timestamp AT TIME ZONE $2 AND ${column} < ($4::date + 1)::timestamp AT TIME ZONE $2`;
const DAY = (column: string): string => `to_char(${column} AT TIME ZONE $2, 'YYYY-MM-DD')`;

const QUERIES: Record<'calls' | 'tickets' | 'reviews' | 'practice', string> = {
  calls: `SELECT ${DAY('started_at')} AS day, count(*)::int AS calls,
                 coalesce(round(sum(extract(epoch FROM ended_at - started_at))), 0)::int AS talk_seconds
            FROM seat_calls WHERE operator = $1 AND ${IN_RANGE('started_at')} GROUP BY 1`,
  tickets: `SELECT ${DAY('created_at')} AS day, count(*)::int AS tickets_registered
              FROM tickets WHERE author = $1 AND ${IN_RANGE('created_at')} GROUP BY 1`,
  reviews: `SELECT ${DAY('e.at')} AS day,
                   (count(*) FILTER (WHERE e.kind = 'review.approve'))::int AS reviews_approved,
                   (count(*) FILTER (WHERE e.kind = 'review.return'))::int AS reviews_returned
              FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
             WHERE t.author = $1 AND e.kind IN ('review.approve', 'review.return') AND ${IN_RANGE('e.at')} GROUP BY 1`,
  practice: `SELECT ${DAY('finished_at')} AS day, count(*)::int AS practice_attempts, sum(score)::int AS practice_score_sum
               FROM practice_results WHERE author = $1 AND ${IN_RANGE('finished_at')} GROUP BY 1`,
};

const COLUMNS: Record<string, keyof DayCounts> = {
  calls: 'calls',
  talk_seconds: 'talkSeconds',
  tickets_registered: 'ticketsRegistered',
  reviews_approved: 'reviewsApproved',
  reviews_returned: 'reviewsReturned',
  practice_attempts: 'practiceAttempts',
  practice_score_sum: 'practiceScoreSum',
};

/**
 * A trainee's placement record over a range of days (实习档案). Supervisors
 * and admins read any desk account's; a trainee reads only their own.
 */
export async function placementRecord(hub: HubContext, user: TokenClaims, username: string, query: PlacementQuery): Promise<Placement> {
  if (user.role === 'trainee' && user.sub !== username) throw new HubFailure('FORBIDDEN', 'a trainee reads only their own placement record', { reason: 'PLACEMENT_NOT_OWN', subject: username });
  const [account] = await hub.sql.query<{ username: string; display_name: string; role: string; team: string | null }>(
    `SELECT username, display_name, role, team FROM accounts WHERE username = $1 AND role <> 'department'`,
    [username],
  );
  if (!account) throw new HubFailure('NOT_FOUND', `no desk account ${username}`, { reason: 'ACCOUNT_NOT_FOUND', subject: username });

  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_DAYS - 1) : centreDate(hub.now(), hub.timeZone));
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw new HubFailure('INVALID_INPUT', `from ${from} is after to ${to}`, { reason: 'DATE_RANGE_REVERSED', issues: [{ path: 'from', message: 'after to', code: 'INVALID' }] });
  if (addDays(from, MAX_PLACEMENT_DAYS - 1) < to) throw new HubFailure('INVALID_INPUT', `more than ${String(MAX_PLACEMENT_DAYS)} days asked for`, { reason: 'RANGE_TOO_LONG', limit: MAX_PLACEMENT_DAYS });
  const days = daysFrom(from, to);

  const counts = new Map<string, Partial<DayCounts>>();
  const params = [username, hub.timeZone, from, to];
  for (const text of Object.values(QUERIES)) {
    for (const row of await hub.sql.query<Record<string, unknown> & { day: string }>(text, params)) {
      const day = counts.get(row.day) ?? {};
      for (const [column, key] of Object.entries(COLUMNS)) if (column in row) day[key] = Number(row[column] ?? 0);
      counts.set(row.day, day);
    }
  }
  return {
    account: { username: account.username, displayName: account.display_name, role: account.role, team: account.team },
    from,
    to,
    ...placementFigures(days, counts),
  };
}

/** Trainee accounts for the supervisors' picker, by team. */
export async function listTrainees(hub: HubContext): Promise<Trainee[]> {
  const rows = await hub.sql.query<{ username: string; display_name: string; team: string | null }>(
    `SELECT username, display_name, team FROM accounts WHERE role = 'trainee' AND NOT disabled ORDER BY team NULLS LAST, username`,
  );
  return rows.map((r) => ({ username: r.username, displayName: r.display_name, team: r.team }));
}
