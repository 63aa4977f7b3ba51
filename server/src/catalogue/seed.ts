import fs from 'node:fs';
import path from 'node:path';
import type { DirectoryEntry } from '../../../shared/dispatch/directory';
import { directoryEntrySchema } from '../../../shared/dispatch/directory';
import type { Department, Duty } from '../../../shared/dispatch/responsibility';
import { departmentSchema, dutySchema } from '../../../shared/dispatch/responsibility';
import type { Article } from '../../../shared/kb/article';
import { articleSchema } from '../../../shared/kb/article';
import { phrasingTableSchema, withShippedPhrasings } from '../../../shared/kb/phrasings';
import { createAccount } from '../accounts/accounts';
import { HubFailure } from '../http/failure';
import { withCounters } from '../db/counters';
import type { Sql } from '../db/sql';

const jsonLines = <T>(file: string, parse: (value: unknown) => T): T[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => parse(JSON.parse(line)));

export interface ShippedCatalogue {
  departments: Department[];
  duties: Duty[];
  /** Sample numbers (extensions 8101–8794) for the shipped departments; a centre replaces them with its own. */
  directory: DirectoryEntry[];
  articles: Article[];
}

/** The data shipped in `resources/data` (the same the desks are seeded with). */
export function readShippedCatalogue(resourcesDir: string): ShippedCatalogue {
  const data = path.join(resourcesDir, 'data');
  return {
    departments: departmentSchema.array().parse(JSON.parse(fs.readFileSync(path.join(data, 'dispatch', 'departments.json'), 'utf8'))),
    duties: jsonLines(path.join(data, 'dispatch', 'duties.jsonl'), (v) => dutySchema.parse(v)),
    directory: directoryEntrySchema.array().parse(JSON.parse(fs.readFileSync(path.join(data, 'dispatch', 'directory.json'), 'utf8'))),
    // The hub's master copy starts with the shipped caller phrasings (相似问) in each article, where KB editors edit them.
    articles: withShippedPhrasings(
      jsonLines(path.join(data, 'kb', 'articles.jsonl'), (v) => articleSchema.parse(v)),
      phrasingTableSchema.parse(JSON.parse(fs.readFileSync(path.join(data, 'kb', 'phrasings.json'), 'utf8'))),
    ),
  };
}

/**
 * At first start, loads the departments, the responsibility list and the
 * knowledge base. Runs under the migration lock's sibling (an advisory lock),
 * so two processes starting together load it once.
 */
export async function seedCatalogueIfEmpty(sql: Sql, catalogue: ShippedCatalogue): Promise<boolean> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [12_345_002]);
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM departments');
    if ((existing?.n ?? 0) > 0) return false;
    await withCounters(tx, async (counters) => {
      for (const department of catalogue.departments) {
        await tx.query('INSERT INTO departments (id, doc, version) VALUES ($1, $2, $3)', [department.id, JSON.stringify(department), await counters.nextVersion()]);
      }
      for (const duty of catalogue.duties) {
        await tx.query('INSERT INTO duties (id, doc, version) VALUES ($1, $2, $3)', [duty.id, JSON.stringify(duty), await counters.nextVersion()]);
      }
      for (const article of catalogue.articles) {
        await tx.query('INSERT INTO kb_articles (id, doc, version) VALUES ($1, $2, $3)', [article.id, JSON.stringify(article), await counters.nextVersion()]);
      }
    });
    return true;
  });
}

/**
 * Loads the shipped transfer directory into a hub that has never had one (a new hub, or one from before the
 * directory existed), for the departments it has. Deleted entries stay as tombstones, so a centre that deleted
 * every sample number does not get them back.
 */
export async function seedDirectoryIfEmpty(sql: Sql, entries: readonly DirectoryEntry[]): Promise<boolean> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [12_345_003]);
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM directory_entries');
    if ((existing?.n ?? 0) > 0) return false;
    const known = new Set((await tx.query<{ id: string }>('SELECT id FROM departments WHERE NOT deleted')).map((r) => r.id));
    await withCounters(tx, async (counters) => {
      for (const entry of entries.filter((e) => known.has(e.departmentId))) {
        await tx.query('INSERT INTO directory_entries (id, doc, version) VALUES ($1, $2, $3)', [entry.id, JSON.stringify(entry), await counters.nextVersion()]);
      }
    });
    return true;
  });
}

/** The demo centre's accounts (password in the README); only when asked for and only into an empty table. */
export const DEMO_PASSWORD = 'hotline12345';
export const demoAccounts = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', departmentId: null, team: null },
  { username: 'sup01', displayName: '王班长', role: 'supervisor', departmentId: null, team: '一组' },
  { username: 'op01', displayName: '李话务', role: 'operator', departmentId: null, team: '一组' },
  { username: 'op02', displayName: '张话务', role: 'operator', departmentId: null, team: '一组' },
  { username: 'op03', displayName: '赵话务', role: 'operator', departmentId: null, team: '二组' },
  { username: 'trainee01', displayName: '陈学员', role: 'trainee', departmentId: null, team: '一组' },
  { username: 'dept-urban', displayName: '城管局联络员', role: 'department', departmentId: 'city-urban', team: null },
  { username: 'dept-hrss', displayName: '人社局联络员', role: 'department', departmentId: 'city-hrss', team: null },
] as const;

export async function seedDemoAccountsIfEmpty(sql: Sql): Promise<boolean> {
  const [existing] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  if ((existing?.n ?? 0) > 0) return false;
  for (const account of demoAccounts) {
    await createAccount(sql, { ...account, password: DEMO_PASSWORD }).catch((error: unknown) => {
      // Another process seeding at the same moment: its row stands.
      if (!(error instanceof HubFailure && error.code === 'CONFLICT')) throw error;
    });
  }
  return true;
}
