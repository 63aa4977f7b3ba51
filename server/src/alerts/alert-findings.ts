import type { AlertKind, AlertSettings } from '../../../shared/hub/alerts';
import type { SqlTransaction } from '../db/sql';
import type { TouchedTickets } from './touched-tickets';
import { callerKey, matterKey, placeKey } from './touched-tickets';

export interface Finding {
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
/** The newest tickets kept on an alert; its count is the window's full count up to this. */
const IDS_PER_ALERT = 500;
const isoHour = (at: Date) => at.toISOString().slice(0, 13);
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The newest ticket ids matching `where` (over `t`), as a text[] column of the outer row. */
const newestIds = (where: string): string => `ARRAY(SELECT t.id::text FROM tickets t WHERE ${where} ORDER BY t.created_at DESC LIMIT ${IDS_PER_ALERT})`;

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/**
 * The alerts the current counts call for. Pure reads, set-based: one
 * statement per kind of question whatever the number of places and callers
 * touched (each row's subqueries run on the indexes: matter-and-place,
 * caller), so a push of 100 tickets costs a handful of round trips.
 */
export async function findings(tx: SqlTransaction, touched: TouchedTickets, settings: AlertSettings, now: Date): Promise<Finding[]> {
  const places = uniqueBy(touched.places, placeKey);
  const matters = uniqueBy(touched.places, matterKey);
  const callers = uniqueBy(touched.callers, callerKey);
  return [
    ...(await placeFindings(tx, places.filter((p) => p.district !== null), true, settings, now)),
    ...(await placeFindings(tx, places.filter((p) => p.district === null), false, settings, now)),
    ...(await newMatterFindings(tx, matters, settings, now)),
    ...(await repeatCallerFindings(tx, callers, settings, now)),
  ];
}

/** 多发 (many in a day) and 爆发 (a burst against the usual rate) for matters in one place. */
async function placeFindings(tx: SqlTransaction, places: TouchedTickets['places'], withDistrict: boolean, settings: AlertSettings, now: Date): Promise<Finding[]> {
  if (!places.length) return [];
  // `district = p.d` and `district IS NULL` can use the (matter, district, created_at) index; IS NOT DISTINCT FROM cannot.
  const samePlace = `t.category_1 = p.c1 AND t.category_2 = p.c2 AND ${withDistrict ? 't.district = p.d' : 't.district IS NULL'}`;
  const manyStart = new Date(now.getTime() - settings.manyWindowHours * HOUR);
  const burstStart = new Date(now.getTime() - settings.burstWindowMinutes * 60_000);
  const usualStart = new Date(burstStart.getTime() - 7 * DAY);
  const rows = await tx.query<{ c1: string; c2: string; d: string | null; many: string[]; burst: string[]; before: number | null }>(
    `SELECT p.c1, p.c2, p.d, b.many, b.burst,
            CASE WHEN cardinality(b.burst) >= $7 THEN (SELECT count(*)::int FROM tickets t WHERE ${samePlace} AND t.created_at >= $6 AND t.created_at < $5) END AS before
       FROM unnest($1::text[], $2::text[], $3::text[]) AS p(c1, c2, d),
            LATERAL (SELECT ${newestIds(`${samePlace} AND t.created_at >= $4 AND t.created_at <= $8`)} AS many,
                            ${newestIds(`${samePlace} AND t.created_at >= $5 AND t.created_at <= $8`)} AS burst) b`,
    [
      places.map((p) => p.category1),
      places.map((p) => p.category2),
      places.map((p) => p.district),
      manyStart.toISOString(),
      burstStart.toISOString(),
      usualStart.toISOString(),
      settings.burstMin,
      now.toISOString(),
    ],
  );
  const found: Finding[] = [];
  for (const row of rows) {
    const place = { category1: row.c1, category2: row.c2, district: row.d };
    const common = { key: placeKey(place), category1: row.c1, category2: row.c2, district: row.d, callerNumber: null, windowEnd: now };
    if (row.many.length >= settings.manyMin) found.push({ ...common, kind: 'many', bucket: isoDay(now), windowStart: manyStart, ticketIds: row.many });
    if (row.before !== null) {
      // The usual rate: the previous 7 days, in windows of the same length.
      const usual = row.before / ((7 * DAY) / (settings.burstWindowMinutes * 60_000));
      if (row.burst.length >= settings.burstFactor * Math.max(usual, 1 / settings.burstFactor)) {
        found.push({ ...common, kind: 'burst', bucket: isoHour(now), windowStart: burstStart, ticketIds: row.burst });
      }
    }
  }
  return found;
}

/** 新发: enough tickets about a matter in the last day, and none in the lookback before it. */
async function newMatterFindings(tx: SqlTransaction, matters: TouchedTickets['places'], settings: AlertSettings, now: Date): Promise<Finding[]> {
  if (!matters.length) return [];
  const dayStart = new Date(now.getTime() - DAY);
  const lookbackStart = new Date(dayStart.getTime() - settings.newLookbackDays * DAY);
  const sameMatter = 't.category_1 = m.c1 AND t.category_2 = m.c2';
  // EXISTS stops at the first older ticket, so a common matter costs one index probe, and the
  // recent ids are only collected for a matter that is really new.
  const rows = await tx.query<{ c1: string; c2: string; recent: string[] | null }>(
    `SELECT m.c1, m.c2,
            CASE WHEN NOT EXISTS (SELECT 1 FROM tickets t WHERE ${sameMatter} AND t.created_at >= $3 AND t.created_at < $4)
                 THEN ${newestIds(`${sameMatter} AND t.created_at >= $4 AND t.created_at <= $5`)} END AS recent
       FROM unnest($1::text[], $2::text[]) AS m(c1, c2)`,
    [matters.map((m) => m.category1), matters.map((m) => m.category2), lookbackStart.toISOString(), dayStart.toISOString(), now.toISOString()],
  );
  return rows
    .filter((row) => row.recent !== null && row.recent.length >= settings.newMin)
    .map((row) => ({
      kind: 'new' as const,
      key: matterKey({ category1: row.c1, category2: row.c2 }),
      bucket: isoDay(now),
      category1: row.c1,
      category2: row.c2,
      district: null,
      callerNumber: null,
      windowStart: dayStart,
      windowEnd: now,
      ticketIds: row.recent ?? [],
    }));
}

/** Repeat callers: the same number about the same matter several times within the window. */
async function repeatCallerFindings(tx: SqlTransaction, callers: TouchedTickets['callers'], settings: AlertSettings, now: Date): Promise<Finding[]> {
  if (!callers.length) return [];
  const start = new Date(now.getTime() - settings.repeatDays * DAY);
  const rows = await tx.query<{ n: string; c1: string; c2: string; ids: string[] }>(
    `SELECT c.n, c.c1, c.c2, ${newestIds('t.caller_number = c.n AND t.category_1 = c.c1 AND t.category_2 = c.c2 AND t.created_at >= $4')} AS ids
       FROM unnest($1::text[], $2::text[], $3::text[]) AS c(n, c1, c2)`,
    [callers.map((c) => c.number), callers.map((c) => c.category1), callers.map((c) => c.category2), start.toISOString()],
  );
  return rows
    .filter((row) => row.ids.length >= settings.repeatMin)
    .map((row) => ({
      kind: 'repeat' as const,
      key: callerKey({ number: row.n, category1: row.c1, category2: row.c2 }),
      bucket: isoDay(now),
      category1: row.c1,
      category2: row.c2,
      district: null,
      callerNumber: row.n,
      windowStart: start,
      windowEnd: now,
      ticketIds: row.ids,
    }));
}
