import type { ParsedOperation } from '../sync/push-entry';
import { checkPayloadId, fieldIssue, idTaken } from '../sync/push-entry';
import type { OperationContext } from '../tickets/apply-operation';
import { authorRole, OperationRejected } from '../tickets/apply-operation';

/**
 * Stores a trainee's scored practice call pushed by a desk (`practice.result`).
 * The desk's sequence already makes a batch sent again a `duplicate`; the
 * result's own id (made at the desk, carried as the operation's ticketId) is
 * a second key, so a result that reaches the hub twice by any road — a rebuilt
 * queue, a replayed entry — is stored and counted once.
 */
export async function applyPracticeResult(op: ParsedOperation & { kind: 'practice.result' }, ctx: OperationContext): Promise<'accepted' | 'duplicate'> {
  authorRole(op, ctx);
  const result = op.payload;
  checkPayloadId(op, result.id);
  if (result.right > result.total) {
    throw new OperationRejected('INVALID_ENTRY', 'payload.right exceeds payload.total', { issues: [fieldIssue('payload.right', 'more than total', 'TOO_LONG', { max: result.total })] });
  }
  const inserted = await ctx.tx.query(
    `INSERT INTO practice_results (id, author, desk_id, sent_by, op_id, scenario_id, scenario_title, score, right_items, total_items, items, started_at, finished_at, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      result.id,
      op.author,
      ctx.deskId,
      ctx.sentBy,
      op.opId,
      result.scenarioId,
      result.scenarioTitle,
      result.score,
      result.right,
      result.total,
      JSON.stringify(result.items),
      result.startedAt,
      result.finishedAt,
      ctx.now.toISOString(),
    ],
  );
  if (inserted.length === 1) return 'accepted';
  const [existing] = await ctx.tx.query<{ desk_id: string; author: string }>('SELECT desk_id, author FROM practice_results WHERE id = $1', [result.id]);
  if (existing?.desk_id === ctx.deskId && existing.author === op.author) return 'duplicate';
  throw idTaken(result.id);
}
