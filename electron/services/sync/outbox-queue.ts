import type { Statement } from 'better-sqlite3';
import type { PushRejectDetails } from '../../../shared/hub/errors';
import type { SyncStatus } from '../../../shared/sync/status';
import type { OutboxKind } from '../../../shared/tickets/ticket-record';
import { uuidv7 } from '../../../shared/tickets/uuid7';
import type { DeskDatabase } from '../db/desk-database';

export interface OutboxEntry {
  /** The desk's own increasing sequence: the hub applies entries per desk in this order, exactly once. */
  seq: number;
  opId: string;
  /** The operator who made the change; kept when another operator's session sends it (shift change). */
  author: string;
  /** Only the desk's own writers fill the table, so a stored kind is one of these. */
  kind: OutboxKind;
  ticketId: string;
  payload: unknown;
  createdAt: string;
}

export interface RejectedEntry extends OutboxEntry {
  /** The hub's reason code (PushRejectReason); in rows stored by desks before the codes, the hub's Chinese sentence. */
  reason: string;
  /** The facts the hub gave with the code (absent in rows stored before them). */
  details?: PushRejectDetails;
  rejectedAt: string;
}

/** What a writer queues: the sequence is the table's, the operation id is made here unless the writer has one. */
export interface NewOutboxEntry {
  opId?: string;
  author: string;
  kind: OutboxKind;
  ticketId: string;
  payload: unknown;
  createdAt: string;
}

type AppendArgs = [opId: string, author: string, kind: OutboxKind, ticketId: string, payload: string, createdAt: string];
/** One prepared insert per connection, shared by every writer on it. */
const appendStatements = new WeakMap<DeskDatabase, Statement<AppendArgs>>();

/** The hub's answer for one entry; a refusal carries its reason code and the facts to word it with (its message is English, for logs). */
export type EntryOutcome = { seq: number; outcome: 'accepted' | 'duplicate' } | ({ seq: number; outcome: 'rejected'; reason: string; message?: string } & PushRejectDetails);

/** The facts of a refusal worth keeping beside its code, as JSON; null when it came with none. */
function detailsOf({ subject, state, limit, issues }: PushRejectDetails): string | null {
  const json = JSON.stringify({ subject, state, limit, issues });
  return json === '{}' ? null : json;
}

interface OutboxRow {
  seq: number;
  op_id: string;
  author: string;
  kind: string;
  ticket_id: string;
  payload: string;
  created_at: string;
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  seq: row.seq,
  opId: row.op_id,
  author: row.author,
  kind: row.kind as OutboxKind,
  ticketId: row.ticket_id,
  payload: JSON.parse(row.payload) as unknown,
  createdAt: row.created_at,
});

/**
 * The sending side of the outbox that ticket writes append to. Entries leave
 * only when the hub has answered for them: accepted and duplicate ones are
 * deleted, refused ones move to `outbox_rejected` for the operator, both in
 * one transaction, so a crash between "hub answered" and "desk recorded"
 * just sends them again and the hub answers `duplicate`.
 */
export class OutboxQueue {
  /**
   * The only way a row enters the outbox. Writers call it inside the
   * transaction that makes the change it carries (a ticket write, a practice
   * result), so the change and its entry commit together or not at all.
   */
  static append(db: DeskDatabase, entry: NewOutboxEntry): void {
    let insert = appendStatements.get(db);
    if (!insert) {
      insert = db.prepare<AppendArgs>('INSERT INTO outbox (op_id, author, kind, ticket_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      appendStatements.set(db, insert);
    }
    insert.run(entry.opId ?? uuidv7(), entry.author, entry.kind, entry.ticketId, JSON.stringify(entry.payload), entry.createdAt);
  }

  private readonly peekStmt;
  private readonly summaryStmt;
  private readonly rejectedCountStmt;

  constructor(
    private readonly db: DeskDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.peekStmt = db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY seq LIMIT ?');
    this.summaryStmt = db.prepare<[], { pending: number; oldest: string | null }>('SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox');
    this.rejectedCountStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox_rejected');
  }

  /** The oldest entries, in sequence order. */
  peek(limit: number): OutboxEntry[] {
    return this.peekStmt.all(limit).map(toEntry);
  }

  /** Records the hub's answers; unknown sequence numbers (already recorded) are ignored. */
  record(outcomes: readonly EntryOutcome[]): void {
    const remove = this.db.prepare('DELETE FROM outbox WHERE seq = ?');
    const reject = this.db.prepare(
      `INSERT INTO outbox_rejected (seq, op_id, author, kind, ticket_id, payload, created_at, reason, details, rejected_at)
       SELECT seq, op_id, author, kind, ticket_id, payload, created_at, ?, ?, ? FROM outbox WHERE seq = ?`,
    );
    this.db.transaction(() => {
      const at = this.now().toISOString();
      for (const answer of outcomes) {
        // The code, not the message: the operator's list words it in the desk's language.
        if (answer.outcome === 'rejected') reject.run(answer.reason.slice(0, 100), detailsOf(answer), at, answer.seq);
        remove.run(answer.seq);
      }
    })();
  }

  rejected(): RejectedEntry[] {
    return this.db
      .prepare<[], OutboxRow & { reason: string; details: string | null; rejected_at: string }>('SELECT * FROM outbox_rejected ORDER BY seq')
      .all()
      .map((row) => ({
        ...toEntry(row),
        reason: row.reason,
        ...(row.details ? { details: JSON.parse(row.details) as PushRejectDetails } : {}),
        rejectedAt: row.rejected_at,
      }));
  }

  summary(): Pick<SyncStatus, 'pending' | 'oldestPendingAt' | 'needsAttention'> {
    const { pending, oldest } = this.summaryStmt.get() ?? { pending: 0, oldest: null };
    return { pending, oldestPendingAt: oldest, needsAttention: this.rejectedCountStmt.get()?.n ?? 0 };
  }
}
