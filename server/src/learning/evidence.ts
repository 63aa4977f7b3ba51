import type { DispatchOutcome } from '../../../shared/dispatch/learned-model';
import type { KbUse, KbUseKind } from '../../../shared/kb/learned-expansions';
import type { Sql } from '../db/sql';

/**
 * What the hub already holds that the learning reads, page by page in the order it happened:
 * - a department's return (退回) of a ticket it was the lead of: evidence against that department;
 * - a department's sign-off (签收) of a ticket it is still the lead of and has not returned since (accepted,
 *   replied, called back or closed): a dispatch it kept;
 * - an article an operator opened, copied or marked 有用 after a query (`kb_uses`, pushed by desks).
 * The text learned from is the ticket's description, which is what a desk's dispatch suggestion reads.
 */

const KEPT_STATES = ['accepted', 'replied', 'called_back', 'closed'];

export async function dispatchOutcomesAfter(sql: Sql, afterId: number, limit: number): Promise<{ last: number; outcomes: DispatchOutcome[] }> {
  const rows = await sql.query<{ id: string; kind: string; department: string | null; text: string | null }>(
    `SELECT e.id::text AS id, e.kind, e.payload->>'department' AS department, t.registration->>'description' AS text
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
      WHERE e.id > $1
        AND (e.kind = 'department.return'
             OR (e.kind = 'department.accept' AND e.payload->>'department' = t.lead_department AND t.state = ANY($3::text[])))
      ORDER BY e.id
      LIMIT $2`,
    [afterId, limit, KEPT_STATES],
  );
  const outcomes: DispatchOutcome[] = [];
  for (const row of rows) {
    if (!row.department || !row.text) continue;
    outcomes.push({ kind: row.kind === 'department.return' ? 'returned' : 'accepted', text: row.text, departmentId: row.department });
  }
  return { last: rows.length ? Number(rows.at(-1)?.id) : afterId, outcomes };
}

export async function kbUsesAfter(sql: Sql, afterSeq: number, limit: number): Promise<{ last: number; uses: KbUse[] }> {
  const rows = await sql.query<{ seq: string; query: string; article_id: string; kind: KbUseKind }>(
    'SELECT seq::text AS seq, query, article_id, kind FROM kb_uses WHERE seq > $1 ORDER BY seq LIMIT $2',
    [afterSeq, limit],
  );
  return { last: rows.length ? Number(rows.at(-1)?.seq) : afterSeq, uses: rows.map((r) => ({ query: r.query, articleId: r.article_id, kind: r.kind })) };
}

/** The newest evidence there is: a retraining that would see nothing newer than a version's mark is skipped. */
export async function evidenceMark(sql: Sql): Promise<string> {
  const [events] = await sql.query<{ id: string | null }>(`SELECT max(id)::text AS id FROM ticket_events WHERE kind IN ('department.accept', 'department.return')`);
  const [uses] = await sql.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM kb_uses');
  return `${events?.id ?? '0'}:${uses?.seq ?? '0'}`;
}
