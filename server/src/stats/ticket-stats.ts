import type { DepartmentRates, DepartmentUrges, HourlyTickets, MatterCount, TicketStats } from '../../../shared/hub/stats';
import { ratio } from '../../../shared/hub/stats';
import type { Sql } from '../db/sql';

const HOUR = 3_600_000;

/** A callback that still stands: the ticket is called back, or closed after it (transferred again, its state says so and the old callback no longer counts). */
const CALLED_BACK = `state IN ('called_back', 'closed') AND callback IS NOT NULL`;

/**
 * The supervisors' statistics over the tickets registered in [from, to).
 * Three grouped reads of the window's rows, found through the created_at
 * index, in one read-only snapshot so the three charts count the same
 * tickets. Plain PostgreSQL that PGlite runs unchanged.
 */
export async function ticketStats(sql: Sql, window: { from: string; to: string; top: number }): Promise<TicketStats> {
  const from = new Date(window.from);
  const to = new Date(window.to);
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const range = [fromIso, toIso];
  const { hours, matters, departments, urges } = await sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Hours since the epoch: they begin on the local hour in every zone with a whole-hour offset (China's +8 included),
    // and do not depend on the connection's TimeZone setting, which differs between PostgreSQL servers and PGlite.
    const hours = await tx.query<{ hour: number } & Omit<HourlyTickets, 'hour'>>(
      `SELECT floor(extract(epoch FROM created_at) / 3600)::int AS hour,
              count(*) FILTER (WHERE answer IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE answer IS NULL AND lead_department IS NOT NULL)::int AS transferred,
              count(*) FILTER (WHERE answer IS NULL AND lead_department IS NULL AND review = 'pending')::int AS review,
              count(*) FILTER (WHERE answer IS NULL AND lead_department IS NULL AND review <> 'pending')::int AS open
         FROM tickets
        WHERE created_at >= $1 AND created_at < $2
        GROUP BY 1`,
      range,
    );
    const matters = await tx.query<{ category_1: string; category_2: string; n: number }>(
      `SELECT category_1, category_2, count(*)::int AS n
         FROM tickets
        WHERE created_at >= $1 AND created_at < $2
        GROUP BY category_1, category_2
        ORDER BY n DESC, category_1, category_2
        LIMIT $3`,
      [...range, window.top],
    );
    // The department's rows first (the window's tickets it leads), then its name: one join per department, not per ticket.
    const departments = await tx.query<DepartmentRow>(
      `WITH per_department AS (
         SELECT lead_department AS department,
                count(*)::int AS transferred,
                count(*) FILTER (WHERE state IN ('accepted', 'replied', 'called_back', 'closed'))::int AS responded,
                count(*) FILTER (WHERE ${CALLED_BACK})::int AS called_back,
                count(*) FILTER (WHERE ${CALLED_BACK} AND (callback->>'solved')::boolean)::int AS solved,
                count(*) FILTER (WHERE ${CALLED_BACK} AND callback->>'satisfaction' = 'satisfied')::int AS satisfied,
                count(*) FILTER (WHERE ${CALLED_BACK} AND callback->>'satisfaction' = 'basically_satisfied')::int AS basically_satisfied,
                count(*) FILTER (WHERE ${CALLED_BACK} AND callback->>'satisfaction' = 'dissatisfied')::int AS dissatisfied
           FROM tickets
          WHERE created_at >= $1 AND created_at < $2 AND lead_department IS NOT NULL AND answer IS NULL
          GROUP BY lead_department
       )
       SELECT p.*, coalesce(d.doc->>'name', p.department) AS name, (count(*) OVER ())::int AS department_count
         FROM per_department p
         LEFT JOIN departments d ON d.id = p.department
        ORDER BY p.transferred DESC, p.department
        LIMIT $3`,
      [...range, window.top],
    );
    // Urges by when they were made (the (kind, at) index), counted against the ticket's lead department.
    const urges = await tx.query<DepartmentUrges>(
      `SELECT t.lead_department AS department, coalesce(d.doc->>'name', t.lead_department) AS name,
              count(*)::int AS urges, count(DISTINCT t.id)::int AS tickets
         FROM ticket_events e
         JOIN tickets t ON t.id = e.ticket_id
         LEFT JOIN departments d ON d.id = t.lead_department
        WHERE e.kind = 'ticket.urge' AND e.at >= $1 AND e.at < $2 AND t.lead_department IS NOT NULL
        GROUP BY t.lead_department, d.doc->>'name'
        ORDER BY urges DESC, department
        LIMIT $3`,
      [...range, window.top],
    );
    return { hours, matters, departments, urges };
  });

  const hourly = hourSeries(from, to, hours);
  return {
    from: fromIso,
    to: toIso,
    total: hourly.reduce((sum, h) => sum + h.answered + h.transferred + h.review + h.open, 0),
    hourly,
    matters: matters.map((m): MatterCount => ({ category: [m.category_1, m.category_2], count: m.n })),
    departments: departments.map(toRates),
    departmentCount: departments[0]?.department_count ?? 0,
    urges,
  };
}

interface DepartmentRow extends Record<string, unknown> {
  department: string;
  name: string;
  transferred: number;
  responded: number;
  called_back: number;
  solved: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
  department_count: number;
}

function toRates(row: DepartmentRow): DepartmentRates {
  return {
    department: row.department,
    name: row.name,
    transferred: row.transferred,
    responded: row.responded,
    calledBack: row.called_back,
    solved: row.solved,
    satisfied: row.satisfied,
    basicallySatisfied: row.basically_satisfied,
    dissatisfied: row.dissatisfied,
    responseRate: ratio(row.responded, row.transferred),
    resolutionRate: ratio(row.solved, row.called_back),
    satisfactionRate: ratio(row.satisfied + row.basically_satisfied, row.called_back),
  };
}

/** Every hour overlapping [from, to), with the counted ones filled in and the rest zero. */
export function hourSeries(from: Date, to: Date, counted: readonly ({ hour: number } & Omit<HourlyTickets, 'hour'>)[]): HourlyTickets[] {
  const byHour = new Map(counted.map((row) => [row.hour, row]));
  const first = Math.floor(from.getTime() / HOUR);
  const last = Math.ceil(to.getTime() / HOUR) - 1;
  const series: HourlyTickets[] = [];
  for (let hour = first; hour <= last; hour++) {
    const row = byHour.get(hour);
    series.push({
      hour: new Date(hour * HOUR).toISOString(),
      answered: row?.answered ?? 0,
      transferred: row?.transferred ?? 0,
      review: row?.review ?? 0,
      open: row?.open ?? 0,
    });
  }
  return series;
}
