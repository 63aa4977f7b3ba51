import type { ParsedOperation } from '../sync/push-entry';
import { checkPayloadId, idTaken } from '../sync/push-entry';
import type { OperationContext } from '../tickets/apply-operation';
import { authorRole } from '../tickets/apply-operation';

/**
 * Stores an article use pushed by a desk (`kb.use`): the query an operator typed and the article they opened,
 * copied or marked 有用. The desk's sequence makes a batch sent again a `duplicate`; the use's own id (made at
 * the desk, carried as the operation's ticketId) is a second key, so a use that arrives twice is counted once.
 */
export async function applyKbUse(op: ParsedOperation & { kind: 'kb.use' }, ctx: OperationContext): Promise<'accepted' | 'duplicate'> {
  authorRole(op, ctx);
  const use = op.payload;
  checkPayloadId(op, use.id);
  const inserted = await ctx.tx.query(
    `INSERT INTO kb_uses (id, query, article_id, kind, author, desk_id, at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [use.id, use.query, use.articleId, use.kind, op.author, ctx.deskId, ctx.countedAt(op).at, ctx.now.toISOString()],
  );
  if (inserted.length === 1) return 'accepted';
  const [existing] = await ctx.tx.query<{ desk_id: string }>('SELECT desk_id FROM kb_uses WHERE id = $1', [use.id]);
  if (existing?.desk_id === ctx.deskId) return 'duplicate';
  throw idTaken(use.id);
}
