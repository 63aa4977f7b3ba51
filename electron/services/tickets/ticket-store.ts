import type { z } from 'zod';
import type { Supplement, Urge } from '../../../shared/tickets/follow-up';
import { supplementSchema, urgeSchema } from '../../../shared/tickets/follow-up';
import { issuesOf } from '../../../shared/desk-handlers';
import { DeskFailure } from '../../../shared/result';
import type { OutboxKind, SavedDraft, TicketDraft, TicketRecord } from '../../../shared/tickets/ticket-record';
import { savedDraftSchema, ticketDraftSchema, ticketRecordSchema } from '../../../shared/tickets/ticket-record';
import type { Callback, DirectAnswer, TicketRegistration, TicketState, Transfer } from '../../../shared/tickets/ticket';
import { callbackSchema, canTransition, directAnswerSchema, redispatchIssue, ticketRegistrationSchema, transferSchema } from '../../../shared/tickets/ticket';
import type { OutboxEntry } from '../sync/outbox-queue';
import { OutboxQueue } from '../sync/outbox-queue';
import type { ClosingRule } from '../../../shared/tickets/closing';
import { mayCloseAfterCallback } from '../../../shared/tickets/closing';
import type { DeskDatabase } from '../db/database';
import type { CallbackRetryPolicy } from '../../../shared/tickets/callback-retry';
import { callbackRetryStatus, defaultCallbackRetryPolicy, unreachableSchema, unreachableStates } from '../../../shared/tickets/callback-retry';

/**
 * The desk's tickets. Every write validates first (an invalid or oversized
 * field is refused with its path and nothing is written), then changes the
 * ticket and appends its outbox operation in ONE transaction: a ticket is
 * never saved without the operation that will carry it to the hub, and an
 * operation never exists for a change that was rolled back.
 */

function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DeskFailure('INVALID_INPUT', `invalid ${what}`, issuesOf(parsed.error));
  return parsed.data;
}

export class TicketStore {
  constructor(
    private readonly db: DeskDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  saveDraft(key: string, draft: TicketDraft): SavedDraft {
    const checked = validated(ticketDraftSchema, draft, 'ticket draft');
    const savedAt = this.now().toISOString();
    this.db
      .prepare('INSERT INTO ticket_drafts (draft_key, payload, saved_at) VALUES (?, ?, ?) ON CONFLICT (draft_key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at')
      .run(key, JSON.stringify(checked), savedAt);
    return { draft: checked, savedAt };
  }

  /** The saved draft, or null; a damaged row reads as no draft rather than breaking the form. */
  loadDraft(key: string): SavedDraft | null {
    const row = this.db.prepare<[string], { payload: string; saved_at: string }>('SELECT payload, saved_at FROM ticket_drafts WHERE draft_key = ?').get(key);
    if (!row) return null;
    try {
      const parsed = savedDraftSchema.safeParse({ draft: JSON.parse(row.payload) as unknown, savedAt: row.saved_at });
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  clearDraft(key: string): void {
    this.db.prepare('DELETE FROM ticket_drafts WHERE draft_key = ?').run(key);
  }

  /** Registers a ticket; the draft it came from (if named) is cleared in the same transaction. */
  register(registration: TicketRegistration, options: { author: string; trainee: boolean; draftKey?: string }): TicketRecord {
    const reg = validated(ticketRegistrationSchema, registration, 'ticket registration');
    const at = this.now().toISOString();
    const record: TicketRecord = {
      id: reg.id,
      state: 'registered',
      registration: reg,
      answer: null,
      transfer: null,
      callback: null,
      author: options.author,
      trainee: options.trainee,
      review: options.trainee ? 'pending' : 'not_required',
      createdAt: at,
      updatedAt: at,
    };
    return this.db.transaction(() => {
      if (this.find(reg.id)) throw new DeskFailure('CONFLICT', `ticket ${reg.id} is already registered`);
      this.db.prepare('INSERT INTO tickets (id, state, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(record.id, record.state, JSON.stringify(record), at, at);
      this.appendOutbox(record.author, 'ticket.register', record.id, reg, at);
      if (options.draftKey) this.clearDraft(options.draftKey);
      return record;
    })();
  }

  answer(ticketId: string, answer: DirectAnswer): TicketRecord {
    const checked = validated(directAnswerSchema, answer, 'direct answer');
    return this.change(ticketId, 'answered', 'ticket.answer', checked, (t) => ({ ...t, answer: checked }));
  }

  /**
   * Transfers a ticket. A trainee's ticket that no supervisor has approved yet
   * is not sent to the department: the transfer is kept on the ticket and goes
   * to the review queue (`ticket.transfer_for_review`); the state stays `registered`.
   */
  transfer(ticketId: string, transfer: Transfer): TicketRecord {
    const checked = validated(transferSchema, transfer, 'transfer');
    const current = this.require(ticketId);
    if (current.trainee && current.review !== 'approved') {
      return this.change(ticketId, current.state, 'ticket.transfer_for_review', checked, (t) => ({ ...t, transfer: checked, review: 'pending' }));
    }
    if (current.state === 'returned') {
      // 重新派单: the department returned it as not theirs; another lead, and why.
      const issue = redispatchIssue(checked, current.transfer?.lead ?? null);
      if (issue) throw new DeskFailure('INVALID_INPUT', 'a returned ticket needs another lead and a reason', [{ path: `transfer.${issue.path}`, message: issue.code, code: issue.code }]);
    }
    return this.change(ticketId, 'transferred', 'ticket.transfer', checked, (t) => ({ ...t, transfer: checked }));
  }

  /**
   * 回访, and with `closeUnder` (the centre's rule) 办结 in the same transaction: two entries, the callback
   * first. A close the rule does not allow after this callback is refused and nothing is written.
   */
  recordCallback(ticketId: string, callback: Callback, closeUnder: ClosingRule | null = null): TicketRecord {
    const checked = validated(callbackSchema, callback, 'callback');
    if (closeUnder !== null && !mayCloseAfterCallback(checked, closeUnder)) {
      throw new DeskFailure('CONFLICT', `the centre's rule (${closeUnder}) does not let this callback close ticket ${ticketId}`);
    }
    return this.db.transaction(() => {
      const called = this.change(ticketId, 'called_back', 'ticket.callback', checked, (t) => ({ ...t, callback: checked }));
      return closeUnder === null ? called : this.change(ticketId, 'closed', 'ticket.close', { note: '' }, (t) => t);
    })();
  }

  /**
   * 无法联系: a callback try that did not reach the caller. The ticket keeps its state (the callback is still
   * to be made) and the try goes to the hub; once the policy's tries are spent no more are taken.
   */
  recordUnreachable(ticketId: string, note: string, policy: CallbackRetryPolicy = defaultCallbackRetryPolicy): TicketRecord {
    const current = this.require(ticketId);
    if (!unreachableStates.includes(current.state)) throw new DeskFailure('CONFLICT', `ticket ${ticketId} is ${current.state}; no callback is due`);
    if (callbackRetryStatus(current.callbackAttempts ?? [], policy).unreachable) throw new DeskFailure('CONFLICT', `ticket ${ticketId} has had its ${policy.tries} callback tries`);
    const payload = validated(unreachableSchema, { attempt: (current.callbackAttempts ?? []).length + 1, note }, 'unreachable');
    return this.change(ticketId, current.state, 'ticket.callback_unreachable', payload, (t, at) => ({ ...t, callbackAttempts: [...(t.callbackAttempts ?? []), { at, note: payload.note }] }));
  }

  find(ticketId: string): TicketRecord | null {
    const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM tickets WHERE id = ?').get(ticketId);
    return row ? ticketRecordSchema.parse(JSON.parse(row.doc)) : null;
  }

  /** Most recently changed first. */
  list(limit = 50): TicketRecord[] {
    return this.db
      .prepare<[number], { doc: string }>('SELECT doc FROM tickets ORDER BY updated_at DESC, id DESC LIMIT ?')
      .all(limit)
      .map((r) => ticketRecordSchema.parse(JSON.parse(r.doc)));
  }

  /**
   * This desk's tickets from one caller's line (stored form without extension), newest first (the hub adds
   * other desks' once synced). Stored numbers are the line or the line + `#extension`: the range
   * [line, line + '$') holds exactly those ('#' sorts just below '$', digits above), so the
   * caller-number index answers it.
   */
  byCallerLine(line: string, limit = 20): TicketRecord[] {
    return this.db
      .prepare<[string, string, number], { doc: string }>(
        `SELECT doc FROM tickets
          WHERE json_extract(doc, '$.registration.callerNumber') >= ? AND json_extract(doc, '$.registration.callerNumber') < ?
          ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(line, `${line}$`, limit)
      .map((r) => ticketRecordSchema.parse(JSON.parse(r.doc)));
  }

  /**
   * 补充 / 催办 on a ticket that may be another desk's (known here only from the hub): nothing changes
   * locally, the entry alone is queued, under the operator who took the call. The hub decides whether the
   * ticket's state allows it; a refusal comes back under 需处理.
   */
  followUp(ticketId: string, kind: 'ticket.supplement' | 'ticket.urge', payload: Supplement | Urge, author: string): void {
    const checked = kind === 'ticket.supplement' ? validated(supplementSchema, payload, 'supplement') : validated(urgeSchema, payload, 'urge');
    this.db.transaction(() => {
      this.appendOutbox(author, kind, ticketId, checked, this.now().toISOString());
    })();
  }

  /** Every queued entry, oldest first (what the sync engine will send), as the outbox reads them. */
  outbox(): OutboxEntry[] {
    return new OutboxQueue(this.db).peek(-1);
  }

  private require(ticketId: string): TicketRecord {
    const ticket = this.find(ticketId);
    if (!ticket) throw new DeskFailure('NOT_FOUND', `no ticket ${ticketId}`);
    return ticket;
  }

  private change(ticketId: string, to: TicketState, kind: OutboxKind, payload: unknown, apply: (t: TicketRecord, at: string) => TicketRecord): TicketRecord {
    return this.db.transaction(() => {
      const current = this.require(ticketId);
      if (to !== current.state && !canTransition(current.state, to)) {
        throw new DeskFailure('CONFLICT', `ticket ${ticketId} is ${current.state}; it cannot become ${to}`);
      }
      const at = this.now().toISOString();
      const next = ticketRecordSchema.parse({ ...apply(current, at), state: to, updatedAt: at });
      this.db.prepare('UPDATE tickets SET state = ?, doc = ?, updated_at = ? WHERE id = ?').run(next.state, JSON.stringify(next), at, ticketId);
      this.appendOutbox(current.author, kind, ticketId, payload, at);
      return next;
    })();
  }

  private appendOutbox(author: string, kind: OutboxKind, ticketId: string, payload: unknown, at: string): void {
    OutboxQueue.append(this.db, { author, kind, ticketId, payload, createdAt: at });
    // Kept after the outbox entry is gone: the shift summary counts what this desk did and when.
    this.db.prepare('INSERT INTO ticket_activity (kind, ticket_id, at) VALUES (?, ?, ?)').run(kind, ticketId, at);
  }
}
