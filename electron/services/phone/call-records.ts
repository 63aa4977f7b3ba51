import type { CallRecord, StoredCallRecord } from '../../../shared/phone/call-state';
import type { DeskDatabase } from '../db/database';

interface CallRecordRow {
  id: number;
  call_id: string;
  direction: CallRecord['direction'];
  remote_number: string;
  remote_name: string | null;
  started_at: string;
  answered_at: string | null;
  ended_at: string;
  outcome: CallRecord['outcome'];
  ended_by: 'local' | 'remote' | null;
  transfer_target: string | null;
  ticket_id: string | null;
}

/** Every finished call, kept locally (table from migration 50). Recording the same call twice keeps the first record. */
export class CallRecordStore {
  private readonly insertStmt;
  private readonly recentStmt;
  private readonly linkStmt;

  constructor(db: DeskDatabase) {
    this.insertStmt = db.prepare(
      `INSERT INTO call_records (call_id, direction, remote_number, remote_name, started_at, answered_at, ended_at, outcome, ended_by, transfer_target, ticket_id)
       VALUES (@callId, @direction, @remoteNumber, @remoteName, @startedAt, @answeredAt, @endedAt, @outcome, @endedBy, @transferTarget, @ticketId)
       ON CONFLICT (call_id) DO NOTHING`,
    );
    this.linkStmt = db.prepare<[string, string]>('UPDATE call_records SET ticket_id = ? WHERE call_id = ? AND ticket_id IS NULL');
    this.recentStmt = db.prepare<[number], CallRecordRow>('SELECT * FROM call_records ORDER BY started_at DESC, id DESC LIMIT ?');
  }

  record(call: CallRecord): { stored: boolean } {
    const info = this.insertStmt.run({
      remoteName: null,
      answeredAt: null,
      endedBy: null,
      transferTarget: null,
      ticketId: null,
      ...call,
    });
    return { stored: info.changes === 1 };
  }

  /**
   * Links a finished call to the ticket registered for it after it ended (in
   * after-call work). A call still running is linked when it is recorded; a
   * call already linked keeps its first ticket.
   */
  link(callId: string, ticketId: string): { linked: boolean } {
    return { linked: this.linkStmt.run(ticketId, callId).changes === 1 };
  }

  recent(limit: number): StoredCallRecord[] {
    return this.recentStmt.all(limit).map((row) => ({
      id: row.id,
      callId: row.call_id,
      direction: row.direction,
      remoteNumber: row.remote_number,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      outcome: row.outcome,
      ...(row.remote_name === null ? {} : { remoteName: row.remote_name }),
      ...(row.answered_at === null ? {} : { answeredAt: row.answered_at }),
      ...(row.ended_by === null ? {} : { endedBy: row.ended_by }),
      ...(row.transfer_target === null ? {} : { transferTarget: row.transfer_target }),
      ...(row.ticket_id === null ? {} : { ticketId: row.ticket_id }),
    }));
  }
}
