import type { PushBatch, PushOutcome, PushResponse } from '../../../shared/hub/sync';
import { phoneLine } from '../../../shared/phone/phone-number';
import { onlyRow } from '../db/sql';
import type { TokenClaims } from '../auth/tokens';
import { centreDay, withCounters } from '../db/counters';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import type { KnownTickets, OperationContext, PreparedRegistration } from '../tickets/apply-operation';
import { applyChange, insertRegistrations, prepareRegistration, withHubAuthor } from '../tickets/apply-operation';
import type { ParsedOperation } from './push-entry';
import { fieldIssue, OperationRejected, parseOperation } from './push-entry';
import type { TouchedTickets } from '../alerts/touched-tickets';
import { applyPracticeResult } from '../training/practice-results';
import { applyKbUse } from '../learning/kb-uses';

/**
 * Applies a desk's batch exactly once. The desk's last applied sequence is
 * read under a row lock and written back in the same transaction as the
 * tickets, so a batch sent again (lost answer, crash, retry) is answered
 * `duplicate` without effect, two deliveries racing each other serialise, and
 * a batch starting past the next expected sequence is refused (SEQ_GAP).
 * A refused operation still advances the sequence: it is answered `rejected`
 * with a reason code and never blocks the operations behind it. Each entry is
 * parsed on its own (push-entry.ts) and only the parsed value is stored.
 */
export async function applyPush(hub: HubContext, user: TokenClaims, batch: PushBatch): Promise<PushResponse> {
  if (user.deskId !== batch.deskId) throw new HubFailure('FORBIDDEN', `session is not of desk ${batch.deskId}`, { reason: 'OTHER_DESKS_QUEUE', subject: batch.deskId });
  const now = hub.now();
  const touched: TouchedTickets = { places: [], callers: [] };
  const answer = await hub.sql.transaction(async (tx) => {
    await tx.query('INSERT INTO desk_sequences (desk_id, last_seq) VALUES ($1, 0) ON CONFLICT (desk_id) DO NOTHING', [batch.deskId]);
    const row = onlyRow(await tx.query<{ last_seq: string }>('SELECT last_seq FROM desk_sequences WHERE desk_id = $1 FOR UPDATE', [batch.deskId]));
    let lastSeq = Number(row.last_seq);
    const first = batch.operations[0]?.seq ?? lastSeq + 1;
    if (first > lastSeq + 1) {
      throw new HubFailure('SEQ_GAP', `sequence ${String(lastSeq + 1)} to ${String(first - 1)} missing`, { expectedSeq: lastSeq + 1 });
    }
    const entries = batch.operations.map((raw) => ({ seq: raw.seq, parsed: raw.seq > lastSeq ? parseEntry(raw) : null }));
    const fresh = entries.map((e) => e.parsed).filter((p): p is ParsedOperation => p !== null && !(p instanceof OperationRejected));

    // What the hub knows of this desk: its seat and the accounts that signed in at it (one read).
    const facts = await tx.query<{ seat: string; username: string | null; role: string | null }>(
      `SELECT d.seat, a.username, a.role FROM desks d
         LEFT JOIN desk_accounts da ON da.desk_id = d.desk_id
         LEFT JOIN accounts a ON a.username = da.username AND NOT a.disabled
        WHERE d.desk_id = $1 AND d.retired_at IS NULL`,
      [batch.deskId],
    );
    const seat = facts[0]?.seat;
    if (seat === undefined) throw new HubFailure('UNAUTHENTICATED', 'desk enrolment retired', { reason: 'DESK_RETIRED' });
    const authorRoles = new Map(facts.flatMap((f) => (f.username && f.role ? [[f.username, f.role] as const] : [])));

    const registrationIds = fresh.filter((op) => op.kind === 'ticket.register').map((op) => op.ticketId);
    const stored = await tx.query<{ id: string; desk_id: string; author: string }>('SELECT id, desk_id, author FROM tickets WHERE id = ANY($1::uuid[])', [registrationIds]);
    const known: KnownTickets = new Map(stored.map((t) => [t.id, { deskId: t.desk_id, author: t.author }]));
    // An operation id is the audit trail's key: one already used (by this desk or any other) is refused, not a failed batch.
    const usedOpIds = new Set(
      (await tx.query<{ op_id: string }>('SELECT op_id FROM ticket_events WHERE op_id = ANY($1::uuid[])', [fresh.map((op) => op.opId)])).map((r) => r.op_id),
    );

    const outcomes = await withCounters(tx, async (counters) => {
      const ctx: OperationContext = {
        tx,
        counters,
        deskId: batch.deskId,
        sentBy: user.sub,
        sessionRole: user.role,
        seat,
        authorRoles,
        now,
        ticketDay: centreDay(now, hub.timeZone),
        countedAt: (op) => countedAt(op.createdAt, now, hub.clockToleranceMs, batch.sentAt),
        closingRule: hub.closingRule,
      };
      const answers: PushOutcome[] = [];
      // Consecutive registrations are written together (one statement for a run of them, which numbers them and
      // fills in their answers); any other operation first writes those before it, so it sees the tickets it may refer to.
      let waiting: { prepared: PreparedRegistration; answer: { ticketNumber: string | null } }[] = [];
      const writeWaiting = async (): Promise<void> => {
        const numbers = await insertRegistrations(
          waiting.map((w) => w.prepared),
          ctx,
        );
        waiting.forEach(({ prepared: { registration: r }, answer }, i) => {
          answer.ticketNumber = numbers[i] ?? null;
          touched.places.push({ category1: r.category[0], category2: r.category[1], district: r.location.district });
          touched.callers.push({ number: phoneLine(r.callerNumber), category1: r.category[0], category2: r.category[1] });
        });
        waiting = [];
      };
      for (const { seq, parsed } of entries) {
        if (parsed === null) {
          answers.push({ seq, outcome: 'duplicate' });
          continue;
        }
        try {
          if (parsed instanceof OperationRejected) throw parsed;
          const op = withHubAuthor(parsed, ctx);
          if (usedOpIds.has(op.opId)) throw new OperationRejected('ID_TAKEN', `operation id ${op.opId} is used already`, { subject: op.opId, issues: [fieldIssue('entry.opId', 'used already', 'INVALID')] });
          usedOpIds.add(op.opId);
          if (op.kind === 'ticket.register') {
            const prepared = prepareRegistration(op, ctx, known);
            if (prepared === 'duplicate') answers.push({ seq, outcome: 'duplicate' });
            else {
              const answer = { seq, outcome: 'accepted' as const, ticketNumber: null as string | null };
              waiting.push({ prepared, answer });
              answers.push(answer);
            }
          } else if (op.kind === 'practice.result') {
            const outcome = await applyPracticeResult(op, ctx);
            answers.push(outcome === 'duplicate' ? { seq, outcome } : { seq, outcome, ticketNumber: null });
          } else if (op.kind === 'kb.use') {
            const outcome = await applyKbUse(op, ctx);
            answers.push(outcome === 'duplicate' ? { seq, outcome } : { seq, outcome, ticketNumber: null });
          } else {
            await writeWaiting();
            await applyChange(op, ctx);
            answers.push({ seq, outcome: 'accepted', ticketNumber: null });
          }
        } catch (error) {
          // Refusals are decided before anything is written, so the transaction is still clean.
          if (!(error instanceof OperationRejected)) throw error;
          answers.push({ seq, outcome: 'rejected', reason: error.code, message: error.message, ...error.details });
        }
        lastSeq = seq;
      }
      // The desk's sequence before the last registrations: the version lock their statement takes is then
      // held for that statement and the commit alone, not for another round trip.
      await tx.query('UPDATE desk_sequences SET last_seq = $2, updated_at = now() WHERE desk_id = $1', [batch.deskId, lastSeq]);
      await writeWaiting();
      return answers;
    });
    return { outcomes, lastSeq };
  });
  // Early warning counts after the commit, without holding up the desk's answer.
  if (touched.places.length) hub.scheduleAlerts(touched);
  return answer;
}

function parseEntry(raw: unknown): ParsedOperation | OperationRejected {
  try {
    return parseOperation(raw);
  } catch (error) {
    if (error instanceof OperationRejected) return error;
    throw error;
  }
}

/** How long work written offline may wait in a desk's queue and still count when it was written. */
export const MAX_OFFLINE_BACKLOG_MS = 72 * 3_600_000;

/**
 * The instant the hub counts an entry at (alerts, statistics, caller history): the desk's createdAt when it can
 * be believed, otherwise the hub's receipt time, flagged (the desk's value is kept).
 *
 * A desk that says when it sent the batch (`sentAt`) shows whether its clock agrees with the hub's. When it does,
 * an entry written up to MAX_OFFLINE_BACKLOG_MS before (an outage, a queue that waited for a shift change) counts
 * at its own time, so a drained backlog neither bursts into the early-warning window nor leaves the shift it
 * belongs to. When it does not, or the desk does not say, only a createdAt within the tolerance of the hub's
 * clock counts as given. Nothing may count in the future.
 */
export function countedAt(createdAt: string, now: Date, toleranceMs: number, sentAt?: string): { at: string; skewed: boolean } {
  const created = Date.parse(createdAt);
  const clockAgrees = sentAt !== undefined && Math.abs(Date.parse(sentAt) - now.getTime()) <= toleranceMs;
  const earliest = now.getTime() - (clockAgrees ? MAX_OFFLINE_BACKLOG_MS : toleranceMs);
  const skewed = created < earliest || created > now.getTime() + toleranceMs;
  return skewed ? { at: now.toISOString(), skewed } : { at: createdAt, skewed };
}
