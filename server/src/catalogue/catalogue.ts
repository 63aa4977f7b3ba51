import type { DirectoryEntry } from '../../../shared/dispatch/directory';
import type { Department, Duty } from '../../../shared/dispatch/responsibility';
import { onlyRow } from '../db/sql';
import { localLeads } from '../../../shared/dispatch/responsibility';
import type { Article } from '../../../shared/kb/article';
import type { KbFeedbackInput } from '../../../shared/kb/search';
import { withCounters } from '../db/counters';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';

/**
 * The responsibility list and the knowledge base as the hub masters them.
 * Every edit takes a change version, so desks pick it up in their next pull.
 * Deleting keeps the row as a tombstone: desks must learn of the deletion.
 */

export async function dutyList(hub: HubContext): Promise<{ departments: Department[]; duties: Duty[] }> {
  const departments = await hub.sql.query<{ doc: Department }>('SELECT doc FROM departments WHERE NOT deleted ORDER BY id');
  const duties = await hub.sql.query<{ doc: Duty }>('SELECT doc FROM duties WHERE NOT deleted ORDER BY id');
  return { departments: departments.map((r) => r.doc), duties: duties.map((r) => r.doc) };
}

export async function putDepartment(hub: HubContext, department: Department): Promise<Department> {
  if (department.parent) await requireDepartments(hub, [department.parent]);
  await hub.sql.transaction((tx) =>
    withCounters(tx, async (counters) => {
      await tx.query(
        'INSERT INTO departments (id, doc, version) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, deleted = false, version = excluded.version',
        [department.id, JSON.stringify(department), await counters.nextVersion()],
      );
    }),
  );
  return department;
}

export async function deleteDepartment(hub: HubContext, id: string): Promise<void> {
  await hub.sql.transaction(async (tx) => {
    const users = await tx.query<{ id: string }>(
      `SELECT id FROM duties WHERE NOT deleted AND (doc->>'lead' = $1 OR doc->'co' ? $1) LIMIT 5`,
      [id],
    );
    if (users.length) throw new HubFailure('CONFLICT', `duties still name department ${id}`, { reason: 'DEPARTMENT_IN_USE', subject: id, refs: users.map((u) => u.id) });
    const lines = await tx.query<{ id: string }>(`SELECT id FROM directory_entries WHERE NOT deleted AND doc->>'departmentId' = $1 LIMIT 5`, [id]);
    if (lines.length) throw new HubFailure('CONFLICT', `the transfer directory still has lines of department ${id}`, { reason: 'DEPARTMENT_HAS_LINES', subject: id, refs: lines.map((l) => l.id) });
    await withCounters(tx, async (counters) => {
      const rows = await tx.query('UPDATE departments SET deleted = true, version = $2 WHERE id = $1 AND NOT deleted RETURNING id', [id, await counters.nextVersion()]);
      if (!rows.length) throw new HubFailure('NOT_FOUND', `no department ${id}`, { reason: 'DEPARTMENT_NOT_FOUND', subject: id });
    });
  });
}

export async function putDuty(hub: HubContext, duty: Duty): Promise<Duty> {
  const named = [duty.lead, ...duty.co].filter((id) => !(localLeads as readonly string[]).includes(id));
  await requireDepartments(hub, named);
  await hub.sql.transaction((tx) =>
    withCounters(tx, async (counters) => {
      await tx.query('INSERT INTO duties (id, doc, version) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, deleted = false, version = excluded.version', [
        duty.id,
        JSON.stringify(duty),
        await counters.nextVersion(),
      ]);
    }),
  );
  return duty;
}

export async function deleteDuty(hub: HubContext, id: string): Promise<void> {
  await hub.sql.transaction((tx) =>
    withCounters(tx, async (counters) => {
      const rows = await tx.query('UPDATE duties SET deleted = true, version = $2 WHERE id = $1 AND NOT deleted RETURNING id', [id, await counters.nextVersion()]);
      if (!rows.length) throw new HubFailure('NOT_FOUND', `no duty ${id}`, { reason: 'DUTY_NOT_FOUND', subject: id });
    }),
  );
}

/** The transfer directory: every department's switchboard, service lines and experts with their numbers. */
export async function directory(hub: HubContext): Promise<DirectoryEntry[]> {
  const rows = await hub.sql.query<{ doc: DirectoryEntry }>('SELECT doc FROM directory_entries WHERE NOT deleted ORDER BY id');
  return rows.map((r) => r.doc);
}

export async function putDirectoryEntry(hub: HubContext, entry: DirectoryEntry): Promise<DirectoryEntry> {
  await requireDepartments(hub, [entry.departmentId]);
  await hub.sql.transaction((tx) =>
    withCounters(tx, async (counters) => {
      await tx.query(
        'INSERT INTO directory_entries (id, doc, version) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, deleted = false, version = excluded.version',
        [entry.id, JSON.stringify(entry), await counters.nextVersion()],
      );
    }),
  );
  return entry;
}

export async function deleteDirectoryEntry(hub: HubContext, id: string): Promise<void> {
  await hub.sql.transaction((tx) =>
    withCounters(tx, async (counters) => {
      const rows = await tx.query('UPDATE directory_entries SET deleted = true, version = $2 WHERE id = $1 AND NOT deleted RETURNING id', [id, await counters.nextVersion()]);
      if (!rows.length) throw new HubFailure('NOT_FOUND', `no directory entry ${id}`, { reason: 'DIRECTORY_ENTRY_NOT_FOUND', subject: id });
    }),
  );
}

async function requireDepartments(hub: HubContext, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await hub.sql.query<{ id: string }>('SELECT id FROM departments WHERE id = ANY($1) AND NOT deleted', [[...new Set(ids)]]);
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw new HubFailure('INVALID_INPUT', `no such departments: ${missing.join(', ')}`, { reason: 'UNKNOWN_DEPARTMENTS', refs: missing });
}

export async function getArticle(hub: HubContext, id: string): Promise<Article & { revision: number }> {
  const [row] = await hub.sql.query<{ doc: Article; revision: number }>('SELECT doc, revision FROM kb_articles WHERE id = $1', [id]);
  if (!row) throw new HubFailure('NOT_FOUND', `no article ${id}`, { reason: 'ARTICLE_NOT_FOUND', subject: id });
  return { ...row.doc, revision: row.revision };
}

/** Publishes a new revision of an article (or a new article); an expired article is published with status 已失效. */
export async function putArticle(hub: HubContext, article: Article): Promise<Article & { revision: number }> {
  const row = onlyRow(await hub.sql.transaction((tx) =>
    withCounters(tx, async (counters) =>
      tx.query<{ revision: number }>(
        `INSERT INTO kb_articles (id, doc, version) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, version = excluded.version, revision = kb_articles.revision + 1 RETURNING revision`,
        [article.id, JSON.stringify(article), await counters.nextVersion()],
      ),
    ),
  ));
  return { ...article, revision: row.revision };
}

export async function recordArticleFeedback(hub: HubContext, author: string, feedback: KbFeedbackInput): Promise<void> {
  await getArticle(hub, feedback.articleId);
  await hub.sql.query('INSERT INTO kb_feedback (article_id, verdict, comment, author) VALUES ($1, $2, $3, $4)', [feedback.articleId, feedback.verdict, feedback.comment, author]);
}
