import type { ShiftSummary, UnfinishedTicket } from '../../../shared/shift-summary';
import { shiftWindow, UNFINISHED_LISTED } from '../../../shared/shift-summary';
import type { ShiftRotation } from '../../../shared/shifts';
import type { DeskDatabase } from '../db/database';
import type { OutboxQueue } from '../sync/outbox-queue';
import type { SummaryActivityRow, SummaryCallRow } from './shift-summary';
import { summariseShift } from './shift-summary';

/** Rows are read from a day before the window, then cut exactly by instant (stored times may carry other offsets). */
const READ_MARGIN_MS = 24 * 3_600_000;

export interface ShiftSummaryRequest {
  operator: string;
  /** The operator's draft key (see DeskServices.draftKey). */
  draftKey: string;
  signedInAt: number | null;
  rotation: ShiftRotation;
  utcOffsetMinutes: number;
  now: number;
}

/** Reads the rows of a shift summary from the desk's database: call log, ticket activity, outbox, drafts, the hub's replies. */
export class ShiftSummaryReader {
  private readonly callsStmt;
  private readonly activityStmt;
  private readonly draftsStmt;
  private readonly awaitingStmt;
  private readonly unfinishedStmt;
  private readonly unfinishedCountStmt;

  constructor(
    db: DeskDatabase,
    private readonly outbox: OutboxQueue,
  ) {
    this.callsStmt = db.prepare<[string], { direction: SummaryCallRow['direction']; answered_at: string | null; ended_at: string; outcome: string }>(
      // By start, which is indexed: no call lasts the day of margin, so every call ending in the window is read.
      'SELECT direction, answered_at, ended_at, outcome FROM call_records WHERE started_at >= ?',
    );
    this.activityStmt = db.prepare<[string], SummaryActivityRow>('SELECT kind, at FROM ticket_activity WHERE at >= ?');
    this.draftsStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM ticket_drafts WHERE draft_key = ?');
    // As the 部门答复 list decides it: replied at the hub, not yet called back at this desk.
    this.awaitingStmt = db.prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM hub_tickets h LEFT JOIN tickets t ON t.id = h.id
        WHERE h.state = 'replied' AND coalesce(t.state, '') NOT IN ('called_back', 'closed')`,
    );
    // Still 'registered' here and not waiting for a supervisor: no transfer kept for review, or the review was a return.
    const unfinished = `FROM tickets t LEFT JOIN hub_tickets h ON h.id = t.id
       WHERE t.state = 'registered' AND (json_extract(t.doc, '$.transfer') IS NULL OR json_extract(h.doc, '$.review') = 'rejected')`;
    this.unfinishedStmt = db.prepare<[number], { id: string; created_at: string; number: string | null; request_type: string; category: string; returned: number }>(
      `SELECT t.id, t.created_at, h.number, json_extract(t.doc, '$.registration.requestType') AS request_type,
              json_extract(t.doc, '$.registration.category') AS category,
              (json_extract(t.doc, '$.transfer') IS NOT NULL) AS returned
       ${unfinished} ORDER BY t.created_at, t.id LIMIT ?`,
    );
    this.unfinishedCountStmt = db.prepare<[], { n: number }>(`SELECT count(*) AS n ${unfinished}`);
  }

  private unfinished(): UnfinishedTicket[] {
    return this.unfinishedStmt.all(UNFINISHED_LISTED).map((r) => ({
      id: r.id,
      number: r.number,
      registeredAt: r.created_at,
      requestType: r.request_type,
      category: JSON.parse(r.category) as string[],
      reason: r.returned ? 'review_returned' : 'open',
    }));
  }

  read(request: ShiftSummaryRequest): ShiftSummary {
    const window = shiftWindow(request.rotation, request.now, request.signedInAt, request.utcOffsetMinutes);
    const since = new Date(window.from - READ_MARGIN_MS).toISOString();
    const { pending, oldestPendingAt, needsAttention } = this.outbox.summary();
    return summariseShift(window, {
      operator: request.operator,
      calls: this.callsStmt.all(since).map((c) => ({ direction: c.direction, answeredAt: c.answered_at, endedAt: c.ended_at, outcome: c.outcome })),
      activity: this.activityStmt.all(since),
      outbox: { pending, oldestPendingAt, needsAttention },
      openDrafts: this.draftsStmt.get(request.draftKey)?.n ?? 0,
      awaitingCallback: this.awaitingStmt.get()?.n ?? 0,
      unfinishedCount: this.unfinishedCountStmt.get()?.n ?? 0,
      unfinished: this.unfinished(),
    });
  }
}
