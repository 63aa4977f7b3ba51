import type { PushOutcome, PushRequest, PushResponse } from '../../../shared/hub/sync';
import { onlyRow } from '../db/sql';
import type { TokenClaims } from '../auth/tokens';
import { withCounters } from '../db/counters';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import type { KnownTickets, OperationContext, PreparedRegistration } from '../tickets/apply-operation';
import { applyChange, insertRegistrations, OperationRejected, prepareRegistration } from '../tickets/apply-operation';
import type { TouchedTickets } from '../alerts/touched-tickets';
import { applyPracticeResult } from '../training/practice-results';

/**
 * Applies a desk's batch exactly once. The desk's last applied sequence is
 * read under a row lock and written back in the same transaction as the
 * tickets, so a batch sent again (lost answer, crash, retry) is answered
 * `duplicate` without effect, two deliveries racing each other serialise, and
 * a batch starting past the next expected sequence is refused (SEQ_GAP).
 * A refused operation still advances the sequence: it is answered `rejected`
 * and never blocks the operations behind it.
 */
export async function applyPush(hub: HubContext, user: TokenClaims, batch: PushRequest): Promise<PushResponse> {
  if (user.deskId !== batch.deskId) throw new HubFailure('FORBIDDEN', '本次登录不属于该座席，不能提交它的队列');
  const now = hub.now();
  const touched: TouchedTickets = { places: [], callers: [] };
  const answer = await hub.sql.transaction(async (tx) => {
    await tx.query('INSERT INTO desk_sequences (desk_id, last_seq) VALUES ($1, 0) ON CONFLICT (desk_id) DO NOTHING', [batch.deskId]);
    const row = onlyRow(await tx.query<{ last_seq: string }>('SELECT last_seq FROM desk_sequences WHERE desk_id = $1 FOR UPDATE', [batch.deskId]));
    let lastSeq = Number(row.last_seq);
    const first = batch.operations[0]?.seq ?? lastSeq + 1;
    if (first > lastSeq + 1) {
      throw new HubFailure('SEQ_GAP', `座席队列缺少序号 ${String(lastSeq + 1)} 到 ${String(first - 1)}`, { expectedSeq: lastSeq + 1 });
    }
    const authors = [...new Set(batch.operations.map((op) => op.author))];
    const roles = await tx.query<{ username: string; role: string }>('SELECT username, role FROM accounts WHERE username = ANY($1) AND NOT disabled', [authors]);
    const authorRoles = new Map(roles.map((r) => [r.username, r.role]));

    const registrationIds = batch.operations.filter((op) => op.kind === 'ticket.register' && op.seq > lastSeq).map((op) => op.ticketId);
    const stored = await tx.query<{ id: string; desk_id: string; author: string; number: string }>('SELECT id, desk_id, author, number FROM tickets WHERE id = ANY($1::uuid[])', [registrationIds]);
    const known: KnownTickets = new Map(stored.map((t) => [t.id, { deskId: t.desk_id, author: t.author, number: t.number }]));

    const outcomes = await withCounters(tx, hub.timeZone, async (counters) => {
      const ctx: OperationContext = { tx, counters, deskId: batch.deskId, sentBy: user.sub, authorRoles, now };
      const answers: PushOutcome[] = [];
      // Consecutive registrations are written together (two statements for a run of them); any other
      // operation first writes those before it, so it sees the tickets it may refer to.
      let waiting: PreparedRegistration[] = [];
      const writeWaiting = async (): Promise<void> => {
        await insertRegistrations(waiting, ctx);
        for (const { registration: r } of waiting) {
          touched.places.push({ category1: r.category[0], category2: r.category[1], district: r.location.district });
          touched.callers.push({ number: r.callerNumber, category1: r.category[0], category2: r.category[1] });
        }
        waiting = [];
      };
      for (const op of batch.operations) {
        if (op.seq <= lastSeq) {
          answers.push({ seq: op.seq, outcome: 'duplicate' });
          continue;
        }
        try {
          if (op.kind === 'ticket.register') {
            const prepared = await prepareRegistration(op, ctx, known);
            if ('duplicateOf' in prepared) answers.push({ seq: op.seq, outcome: 'duplicate' });
            else {
              waiting.push(prepared);
              answers.push({ seq: op.seq, outcome: 'accepted', ticketNumber: prepared.number });
            }
          } else if (op.kind === 'practice.result') {
            const outcome = await applyPracticeResult(op, ctx);
            answers.push(outcome === 'duplicate' ? { seq: op.seq, outcome } : { seq: op.seq, outcome, ticketNumber: null });
          } else {
            await writeWaiting();
            await applyChange(op, ctx);
            answers.push({ seq: op.seq, outcome: 'accepted', ticketNumber: null });
          }
        } catch (error) {
          // Refusals are decided before anything is written, so the transaction is still clean.
          if (!(error instanceof OperationRejected)) throw error;
          answers.push({ seq: op.seq, outcome: 'rejected', reason: error.message });
        }
        lastSeq = op.seq;
      }
      await writeWaiting();
      return answers;
    });
    await tx.query('UPDATE desk_sequences SET last_seq = $2, updated_at = now() WHERE desk_id = $1', [batch.deskId, lastSeq]);
    return { outcomes, lastSeq };
  });
  // Early warning counts after the commit, without holding up the desk's answer.
  if (touched.places.length) hub.scheduleAlerts(touched);
  return answer;
}
