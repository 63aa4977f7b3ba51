import type { DirectoryEntry } from '../../../shared/dispatch/directory';
import type { Department, Duty } from '../../../shared/dispatch/responsibility';
import type { Article } from '../../../shared/kb/article';
import type { PullChange, PullResponse } from '../../../shared/hub/sync';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import type { TicketRow } from '../tickets/ticket-rows';
import { TICKET_COLUMNS, toHubTicket } from '../tickets/ticket-rows';
import { asSeenBy } from '../tickets/visibility';

/**
 * Changes since the desk's cursor, in version order: its own tickets (state
 * changes, department replies, review decisions), knowledge articles, and
 * the responsibility list with the transfer directory. Versions are handed out under a lock in commit
 * order (see TransactionCounters), so "version > cursor" never skips a
 * change, and a dropped connection is resumed by asking again with the same cursor.
 */
export async function pullChanges(hub: HubContext, user: TokenClaims, cursor: number, limit: number): Promise<PullResponse> {
  if (!user.deskId) throw new HubFailure('FORBIDDEN', 'only a desk session pulls changes', { reason: 'DESK_SESSION_REQUIRED' });
  // One more than asked from each source tells whether more wait.
  const take = limit + 1;
  // One snapshot for all five reads: otherwise a change committed between two of them could be passed over.
  const [tickets, articles, departments, duties, directory] = await hub.sql.transaction(async (sql) => {
    await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return [
    await sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE desk_id = $1 AND version > $2 ORDER BY version LIMIT $3`, [user.deskId, cursor, take]),
    await sql.query<{ doc: Article; version: string }>('SELECT doc, version FROM kb_articles WHERE version > $1 ORDER BY version LIMIT $2', [cursor, take]),
    await sql.query<{ doc: Department; deleted: boolean; version: string }>('SELECT doc, deleted, version FROM departments WHERE version > $1 ORDER BY version LIMIT $2', [cursor, take]),
    await sql.query<{ doc: Duty; deleted: boolean; version: string }>('SELECT doc, deleted, version FROM duties WHERE version > $1 ORDER BY version LIMIT $2', [cursor, take]),
    await sql.query<{ doc: DirectoryEntry; deleted: boolean; version: string }>('SELECT doc, deleted, version FROM directory_entries WHERE version > $1 ORDER BY version LIMIT $2', [cursor, take]),
    ] as const;
  });
  const all: PullChange[] = [
    // The desk's own tickets: seen in full by it, but through the same rule as every other way out.
    ...tickets.flatMap((row) => {
      const ticket = asSeenBy(user, toHubTicket(row));
      return ticket ? [{ type: 'ticket' as const, version: Number(row.version), ticket }] : [];
    }),
    ...articles.map((row) => ({ type: 'article' as const, version: Number(row.version), article: row.doc })),
    ...departments.map((row) => ({ type: 'department' as const, version: Number(row.version), department: row.doc, deleted: row.deleted })),
    ...duties.map((row) => ({ type: 'duty' as const, version: Number(row.version), duty: row.doc, deleted: row.deleted })),
    ...directory.map((row) => ({ type: 'directory' as const, version: Number(row.version), entry: row.doc, deleted: row.deleted })),
  ].sort((a, b) => a.version - b.version);
  const changes = all.slice(0, limit);
  return { changes, cursor: changes.at(-1)?.version ?? cursor, more: all.length > limit };
}
