import type { Sql } from '../db/sql';
import { findings } from './alert-findings';
import { readAlertSettings } from './alert-settings';
import type { TouchedTickets } from './touched-tickets';

export type { TouchedTickets } from './touched-tickets';

/** PostgreSQL channel on which every hub process hears every raised or grown alert. */
export const ALERT_CHANNEL = 'hub_alerts';

/**
 * Counts after a batch of new tickets and raises or grows alerts. One alert
 * per kind, matter/place (or caller) and day (hour for bursts): while it
 * stands, new tickets grow it instead of raising another. Every raised or
 * grown alert is announced on the live feed of every hub process.
 */
export async function evaluateAlerts(sql: Sql, touched: TouchedTickets, now: Date): Promise<number[]> {
  if (!touched.places.length && !touched.callers.length) return [];
  const settings = await readAlertSettings(sql);
  return sql.transaction(async (tx) => {
    const found = await findings(tx, touched, settings, now);
    if (!found.length) return [];
    // One statement for every finding (each kind and key is found at most once per round).
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO alerts (kind, alert_key, category_1, category_2, district, caller_number, window_start, window_end, bucket, ticket_count, ticket_ids, raised_at, updated_at)
       SELECT x.kind, x.key, x.c1, x.c2, x.d, x.caller, x.ws, x.we, x.bucket, jsonb_array_length(x.ids), ARRAY(SELECT jsonb_array_elements_text(x.ids))::uuid[], $2, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(kind text, key text, c1 text, c2 text, d text, caller text, ws timestamptz, we timestamptz, bucket text, ids jsonb)
       ON CONFLICT (kind, alert_key, bucket) DO UPDATE SET window_end = excluded.window_end, ticket_count = excluded.ticket_count,
         ticket_ids = excluded.ticket_ids, updated_at = excluded.updated_at
         WHERE alerts.ticket_count < excluded.ticket_count
       RETURNING id`,
      [
        JSON.stringify(
          found.map((f) => ({
            kind: f.kind,
            key: f.key,
            c1: f.category1,
            c2: f.category2,
            d: f.district,
            caller: f.callerNumber,
            ws: f.windowStart.toISOString(),
            we: f.windowEnd.toISOString(),
            bucket: f.bucket,
            ids: f.ticketIds,
          })),
        ),
        now.toISOString(),
      ],
    );
    const changed = rows.map((row) => Number(row.id));
    // Only ids travel (NOTIFY payloads are limited to 8 kB); each process reads the alerts itself.
    // Delivered at commit, so no process reads an alert before it is visible.
    if (changed.length) await tx.query('SELECT pg_notify($1, $2)', [ALERT_CHANNEL, changed.join(',')]);
    return changed;
  });
}
