import type { Alert, AlertKind, AlertSettings } from '../../../shared/hub/alerts';
import type { Sql, SqlTransaction } from '../db/sql';
import { onlyRow } from '../db/sql';
import { readAlertSettings } from './alert-settings';

/** PostgreSQL channel on which every hub process hears every raised or grown alert. */
export const ALERT_CHANNEL = 'hub_alerts';

/** What a batch of new tickets touched: the matters by place, and the callers by matter. */
export interface TouchedTickets {
  places: { category1: string; category2: string; district: string | null }[];
  callers: { number: string; category1: string; category2: string }[];
}

interface Finding {
  kind: AlertKind;
  key: string;
  bucket: string;
  category1: string;
  category2: string;
  district: string | null;
  callerNumber: string | null;
  windowStart: Date;
  windowEnd: Date;
  ticketIds: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const isoHour = (at: Date) => at.toISOString().slice(0, 13);
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

async function ids(tx: SqlTransaction, where: string, params: unknown[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM tickets WHERE ${where} ORDER BY created_at DESC LIMIT 500`, params);
  return rows.map((r) => r.id);
}

async function count(tx: SqlTransaction, where: string, params: unknown[]): Promise<number> {
  return onlyRow(await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE ${where}`, params)).n;
}

/** The alerts the current counts call for. Pure reads; one matter-and-place or caller at a time, all served by indexes. */
async function findings(tx: SqlTransaction, touched: TouchedTickets, settings: AlertSettings, now: Date): Promise<Finding[]> {
  const found: Finding[] = [];
  const seenPlaces = new Set<string>();
  const seenMatters = new Set<string>();
  for (const place of touched.places) {
    const placeKey = `${place.category1}/${place.category2}@${place.district ?? '全市'}`;
    if (!seenPlaces.has(placeKey)) {
      seenPlaces.add(placeKey);
      const where = 'category_1 = $1 AND category_2 = $2 AND district IS NOT DISTINCT FROM $3 AND created_at >= $4 AND created_at <= $5';
      const base = [place.category1, place.category2, place.district];
      const manyStart = new Date(now.getTime() - settings.manyWindowHours * HOUR);
      const many = await ids(tx, where, [...base, manyStart.toISOString(), now.toISOString()]);
      if (many.length >= settings.manyMin) {
        found.push({ kind: 'many', key: placeKey, bucket: isoDay(now), category1: place.category1, category2: place.category2, district: place.district, callerNumber: null, windowStart: manyStart, windowEnd: now, ticketIds: many });
      }
      const burstStart = new Date(now.getTime() - settings.burstWindowMinutes * 60_000);
      const burst = await ids(tx, where, [...base, burstStart.toISOString(), now.toISOString()]);
      if (burst.length >= settings.burstMin) {
        // The usual rate: the previous 7 days, in windows of the same length.
        const before = await count(tx, where, [...base, new Date(burstStart.getTime() - 7 * DAY).toISOString(), burstStart.toISOString()]);
        const usual = before / ((7 * DAY) / (settings.burstWindowMinutes * 60_000));
        if (burst.length >= settings.burstFactor * Math.max(usual, 1 / settings.burstFactor)) {
          found.push({ kind: 'burst', key: placeKey, bucket: isoHour(now), category1: place.category1, category2: place.category2, district: place.district, callerNumber: null, windowStart: burstStart, windowEnd: now, ticketIds: burst });
        }
      }
    }
    const matterKey = `${place.category1}/${place.category2}`;
    if (!seenMatters.has(matterKey)) {
      seenMatters.add(matterKey);
      const dayStart = new Date(now.getTime() - DAY);
      const where = 'category_1 = $1 AND category_2 = $2 AND created_at >= $3 AND created_at <= $4';
      const recent = await ids(tx, where, [place.category1, place.category2, dayStart.toISOString(), now.toISOString()]);
      if (recent.length >= settings.newMin) {
        const earlier = await count(tx, where, [place.category1, place.category2, new Date(dayStart.getTime() - settings.newLookbackDays * DAY).toISOString(), dayStart.toISOString()]);
        if (earlier === 0) {
          found.push({ kind: 'new', key: matterKey, bucket: isoDay(now), category1: place.category1, category2: place.category2, district: null, callerNumber: null, windowStart: dayStart, windowEnd: now, ticketIds: recent });
        }
      }
    }
  }
  const seenCallers = new Set<string>();
  for (const caller of touched.callers) {
    const key = `${caller.number}|${caller.category1}/${caller.category2}`;
    if (seenCallers.has(key)) continue;
    seenCallers.add(key);
    const start = new Date(now.getTime() - settings.repeatDays * DAY);
    const repeat = await ids(tx, 'caller_number = $1 AND category_1 = $2 AND category_2 = $3 AND created_at >= $4', [caller.number, caller.category1, caller.category2, start.toISOString()]);
    if (repeat.length >= settings.repeatMin) {
      found.push({ kind: 'repeat', key, bucket: isoDay(now), category1: caller.category1, category2: caller.category2, district: null, callerNumber: caller.number, windowStart: start, windowEnd: now, ticketIds: repeat });
    }
  }
  return found;
}

/**
 * Counts after a batch of new tickets and raises or grows alerts. One alert
 * per kind, matter/place (or caller) and day (hour for bursts): while it
 * stands, new tickets grow it instead of raising another. Every raised or
 * grown alert is announced on the live feed of every hub process.
 */
export async function evaluateAlerts(sql: Sql, touched: TouchedTickets, now: Date): Promise<Alert[]> {
  if (!touched.places.length && !touched.callers.length) return [];
  const settings = await readAlertSettings(sql);
  return sql.transaction(async (tx) => {
    const changed: Alert[] = [];
    for (const f of await findings(tx, touched, settings, now)) {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO alerts (kind, alert_key, category_1, category_2, district, caller_number, window_start, window_end, bucket, ticket_count, ticket_ids, raised_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12, $12)
         ON CONFLICT (kind, alert_key, bucket) DO UPDATE SET window_end = excluded.window_end, ticket_count = excluded.ticket_count,
           ticket_ids = excluded.ticket_ids, updated_at = excluded.updated_at
           WHERE alerts.ticket_count < excluded.ticket_count
         RETURNING id`,
        [f.kind, f.key, f.category1, f.category2, f.district, f.callerNumber, f.windowStart.toISOString(), f.windowEnd.toISOString(), f.bucket, f.ticketIds.length, f.ticketIds, now.toISOString()],
      );
      for (const row of rows) {
        const alert = await readAlert(tx, Number(row.id));
        if (!alert) continue;
        changed.push(alert);
        // Only the id travels (NOTIFY payloads are limited to 8 kB); each process reads the alert itself.
        await tx.query('SELECT pg_notify($1, $2)', [ALERT_CHANNEL, String(alert.id)]);
      }
    }
    return changed;
  });
}

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
  ticket_ids: string[];
  raised_at: Date | string;
  updated_at: Date | string;
  acknowledged_by: string | null;
  acknowledged_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

async function toAlert(tx: Pick<Sql, 'query'>, row: AlertRow): Promise<Alert> {
  const tickets = await tx.query<{ id: string; number: string; created_at: Date | string; summary: string }>(
    `SELECT id, number, created_at, left(registration->>'description', 80) AS summary FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY created_at DESC LIMIT 50`,
    [row.ticket_ids],
  );
  return {
    id: Number(row.id),
    kind: row.kind,
    matter: [row.category_1, row.category_2],
    district: row.district,
    callerNumber: row.caller_number,
    windowStart: iso(row.window_start),
    windowEnd: iso(row.window_end),
    ticketCount: row.ticket_count,
    tickets: tickets.map((t) => ({ id: t.id, number: t.number, createdAt: iso(t.created_at), summary: t.summary })),
    raisedAt: iso(row.raised_at),
    updatedAt: iso(row.updated_at),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at ? iso(row.acknowledged_at) : null,
  };
}

export async function readAlert(tx: Pick<Sql, 'query'>, id: number): Promise<Alert | null> {
  const [row] = await tx.query<AlertRow>('SELECT * FROM alerts WHERE id = $1', [id]);
  return row ? toAlert(tx, row) : null;
}

/** Open alerts first (newest change first), then the last acknowledged ones. */
export async function listAlerts(sql: Sql, options: { includeAcknowledged: boolean; limit: number }): Promise<Alert[]> {
  const rows = await sql.query<AlertRow>(
    `SELECT * FROM alerts ${options.includeAcknowledged ? '' : 'WHERE acknowledged_at IS NULL'} ORDER BY acknowledged_at IS NOT NULL, updated_at DESC LIMIT $1`,
    [options.limit],
  );
  return Promise.all(rows.map((row) => toAlert(sql, row)));
}

export async function acknowledgeAlert(sql: Sql, id: number, by: string, now: Date): Promise<Alert | null> {
  const rows = await sql.query<{ id: string }>('UPDATE alerts SET acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id', [id, by, now.toISOString()]);
  if (!rows.length) return null;
  const alert = await readAlert(sql, id);
  await sql.query('SELECT pg_notify($1, $2)', [ALERT_CHANNEL, String(id)]);
  return alert;
}
