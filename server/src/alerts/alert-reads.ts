import type { Alert, AlertKind } from '../../../shared/hub/alerts';
import type { Sql } from '../db/sql';
import { ALERT_CHANNEL } from './early-warning';
import { MASKED_NUMBER, scrubbedText } from '../tickets/visibility';

/** The newest tickets shown with an alert (its count is the full count). */
const TICKETS_SHOWN = 50;

interface AlertRow extends Record<string, unknown> {
  id: string;
  kind: AlertKind;
  category_1: string;
  category_2: string;
  district: string | null;
  caller_number: string | null;
  window_start: Date | string;
  window_end: Date | string;
  ticket_count: number;
  raised_at: Date | string;
  updated_at: Date | string;
  acknowledged_by: string | null;
  acknowledged_at: Date | string | null;
  caller_confidential: boolean;
  tickets: { id: string; number: string; created_at: string; summary: string; confidential: boolean; caller_name: string; caller_number: string }[] | null;
}

/** Alerts with their newest tickets, in one statement however many alerts (`where` over `a`). */
const SELECT_ALERTS = (where: string, order = '') => `
  SELECT a.id, a.kind, a.category_1, a.category_2, a.district, a.caller_number, a.window_start, a.window_end, a.ticket_count,
         a.raised_at, a.updated_at, a.acknowledged_by, a.acknowledged_at,
         (a.caller_number IS NOT NULL AND EXISTS (SELECT 1 FROM tickets c WHERE c.caller_number = a.caller_number AND c.confidential)) AS caller_confidential,
         (SELECT json_agg(t ORDER BY t.created_at DESC)
            FROM (SELECT id, number, created_at, left(registration->>'description', 80) AS summary, confidential,
                         registration->>'callerName' AS caller_name, caller_number
                    FROM tickets WHERE id = ANY(a.ticket_ids) ORDER BY created_at DESC LIMIT ${TICKETS_SHOWN}) t) AS tickets
    FROM alerts a WHERE ${where} ${order}`;

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Alerts reach supervisors only, who see confidential callers masked like
 * everyone else (visibility.ts): a repeat caller who ever called in confidence
 * is shown without the number, and a confidential ticket's summary without its
 * caller's name and number.
 */
function toAlert(row: AlertRow): Alert {
  return {
    id: Number(row.id),
    kind: row.kind,
    matter: [row.category_1, row.category_2],
    district: row.district,
    callerNumber: row.caller_number && row.caller_confidential ? MASKED_NUMBER : row.caller_number,
    windowStart: iso(row.window_start),
    windowEnd: iso(row.window_end),
    ticketCount: row.ticket_count,
    tickets: (row.tickets ?? []).map((t) => ({
      id: t.id,
      number: t.number,
      createdAt: iso(t.created_at),
      summary: t.confidential ? scrubbedText(t.summary, { callerName: t.caller_name, callerNumber: t.caller_number }) : t.summary,
    })),
    raisedAt: iso(row.raised_at),
    updatedAt: iso(row.updated_at),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at ? iso(row.acknowledged_at) : null,
  };
}

export async function readAlerts(sql: Pick<Sql, 'query'>, ids: readonly number[]): Promise<Alert[]> {
  if (!ids.length) return [];
  const rows = await sql.query<AlertRow>(SELECT_ALERTS('a.id = ANY($1::bigint[])', 'ORDER BY a.id'), [ids]);
  return rows.map(toAlert);
}

/** Open alerts first (newest change first), then the last acknowledged ones. */
export async function listAlerts(sql: Sql, options: { includeAcknowledged: boolean; limit: number }): Promise<Alert[]> {
  const rows = await sql.query<AlertRow>(
    SELECT_ALERTS(options.includeAcknowledged ? 'true' : 'a.acknowledged_at IS NULL', 'ORDER BY a.acknowledged_at IS NOT NULL, a.updated_at DESC LIMIT $1'),
    [options.limit],
  );
  return rows.map(toAlert);
}

export async function acknowledgeAlert(sql: Sql, id: number, by: string, now: Date): Promise<Alert | null> {
  const rows = await sql.query<{ id: string }>('UPDATE alerts SET acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id', [id, by, now.toISOString()]);
  if (!rows.length) return null;
  await sql.query('SELECT pg_notify($1, $2)', [ALERT_CHANNEL, String(id)]);
  const [alert] = await readAlerts(sql, [id]);
  return alert ?? null;
}
