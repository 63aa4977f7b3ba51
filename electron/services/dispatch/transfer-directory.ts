import fs from 'node:fs';
import path from 'node:path';
import { match, pinyin } from 'pinyin-pro';
import { z } from 'zod';
import type { DirectoryEntry, DirectoryHit, DirectoryKind, DirectoryQuery } from '../../../shared/dispatch/directory';
import { directoryEntrySchema, directoryQuerySchema } from '../../../shared/dispatch/directory';
import type { DeskDatabase } from '../db/database';
import type { DutyReplica } from './duty-replica';

/**
 * The desk's copy of the transfer directory. Seeded from the shipped sample
 * numbers on first start, then changed only by the sync engine with the hub's
 * change version (like DutyReplica), so the transfer dialog works offline.
 * Searched by name, full pinyin or initials (pinyin-pro's `match`), the
 * dispatch suggestion's lead department first.
 */

export const directoryChangesSchema = z.object({
  /** The hub's change version after these changes; older or equal versions are ignored (replays are harmless). */
  version: z.number().int().positive(),
  upsert: z.array(directoryEntrySchema).default([]),
  delete: z.array(z.string()).default([]),
});
export type DirectoryChanges = z.input<typeof directoryChangesSchema>;

export function readDirectorySeed(resourcesDir: string): DirectoryEntry[] {
  return directoryEntrySchema.array().parse(JSON.parse(fs.readFileSync(path.join(resourcesDir, 'data', 'dispatch', 'directory.json'), 'utf8')));
}

const KIND_ORDER: Record<DirectoryKind, number> = { department: 0, line: 1, expert: 2 };
const LATIN = /^[a-z]+$/;

/** A text as the search reads it: lower-cased, and the first letter of each character's pinyin. */
interface SearchText {
  text: string;
  lower: string;
  initials: string;
}

function searchText(text: string): SearchText {
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .map((letter) => (letter.length === 1 ? letter.toLowerCase() : ' '))
    .join('');
  return { text, lower: text.toLowerCase(), initials: initials.length === text.length ? initials : '' };
}

/** An entry with its department's name and its texts made ready for searching (built once per directory version). */
export interface PreparedEntry {
  hit: DirectoryHit;
  own: SearchText;
  department: SearchText | null;
  topic: SearchText;
}

export function prepareDirectory(entries: readonly DirectoryEntry[], departments: ReadonlyMap<string, string>): PreparedEntry[] {
  return entries.map((entry) => {
    const departmentName = departments.get(entry.departmentId) ?? entry.departmentId;
    return {
      hit: { ...entry, departmentName, lead: false },
      // A switchboard is known by its department's name; a line or an expert by its own, then its department's.
      own: searchText(entry.kind === 'department' ? departmentName : entry.name),
      department: entry.kind === 'department' ? null : searchText(departmentName),
      topic: searchText(entry.topic),
    };
  });
}

/** How well one text answers the query: 0 whole, 1 from its start, 2 inside it; null when it does not. */
function textScore(field: SearchText, query: string): number | null {
  if (field.text === '') return null;
  if (field.lower === query) return 0;
  const at = field.lower.indexOf(query);
  if (at >= 0) return at === 0 ? 1 : 2;
  if (!LATIN.test(query)) return null;
  // Initials over consecutive characters (wjg for 王建国, rlzy for 人力资源): the quick and common case.
  const initialsAt = field.initials.indexOf(query);
  if (initialsAt >= 0) return initialsAt === 0 ? (query.length === field.text.length ? 0 : 1) : 2;
  // A text none of whose characters starts with the query's first letter cannot match it (and most texts do not).
  if (query.length < 2 || !field.initials.includes(query.charAt(0))) return null;
  // Full pinyin or a mix (wangjg), with every reading of a polyphonic character: pinyin-pro's match.
  const hit = match(field.text, query, { continuous: true, insensitive: true });
  if (!hit || hit.length === 0) return null;
  return hit[0] === 0 ? (hit.length === field.text.length ? 0 : 1) : 2;
}

/**
 * Ranks one entry for the query; lower is better, null leaves it out. The entry's own name counts most,
 * then its department's name, then its topic; a number typed from its start finds the entry too.
 */
function entryScore(entry: PreparedEntry, query: string): number | null {
  if (query === '') return 0;
  const scores: number[] = [];
  const own = textScore(entry.own, query);
  if (own !== null) scores.push(own);
  const department = entry.department ? textScore(entry.department, query) : null;
  if (department !== null) scores.push(3 + department);
  const topic = textScore(entry.topic, query);
  if (topic !== null) scores.push(6 + topic);
  if (/^[0-9*#+]+$/.test(query) && entry.hit.number.startsWith(query)) scores.push(entry.hit.number === query ? 0 : 1);
  return scores.length ? Math.min(...scores) : null;
}

/** The directory search itself: pure, for the desk and its tests. */
export function searchDirectory(prepared: readonly PreparedEntry[], rawQuery: DirectoryQuery): DirectoryHit[] {
  const query = directoryQuerySchema.parse(rawQuery);
  const text = query.text.trim().toLowerCase().replace(/\s+/g, '');
  const ranked: { hit: DirectoryHit; score: number }[] = [];
  for (const entry of prepared) {
    const score = entryScore(entry, text);
    if (score === null) continue;
    ranked.push({ hit: { ...entry.hit, lead: entry.hit.departmentId === query.leadDepartmentId }, score });
  }
  ranked.sort(
    (a, b) =>
      Number(b.hit.lead) - Number(a.hit.lead) ||
      a.score - b.score ||
      a.hit.departmentId.localeCompare(b.hit.departmentId) ||
      KIND_ORDER[a.hit.kind] - KIND_ORDER[b.hit.kind] ||
      a.hit.id.localeCompare(b.hit.id),
  );
  return ranked.slice(0, query.limit).map((r) => r.hit);
}

export class TransferDirectory {
  private cache: DirectoryEntry[] | null = null;
  private prepared: PreparedEntry[] | null = null;

  /** The departments' names come from the responsibility list's replica; its changes rebuild the search's index. */
  constructor(
    private readonly db: DeskDatabase,
    private readonly duties: DutyReplica,
  ) {
    duties.onChange(() => {
      this.prepared = null;
    });
  }

  /** Fills an empty replica from the shipped sample numbers (version 0); a replica that has data is left alone. */
  seedIfEmpty(seed: readonly DirectoryEntry[]): boolean {
    return this.db.transaction(() => {
      if (this.db.prepare('SELECT version FROM transfer_directory_state').get()) return false;
      this.write(seed);
      this.db.prepare("INSERT INTO transfer_directory_state (singleton, version, source) VALUES (1, 0, 'seed')").run();
      return true;
    })();
  }

  version(): number {
    return this.db.prepare<[], { version: number }>('SELECT version FROM transfer_directory_state').get()?.version ?? -1;
  }

  entries(): DirectoryEntry[] {
    this.cache ??= this.db
      .prepare<[], { doc: string }>('SELECT doc FROM transfer_directory ORDER BY id')
      .all()
      .map((r) => directoryEntrySchema.parse(JSON.parse(r.doc)));
    return this.cache;
  }

  search(query: DirectoryQuery): DirectoryHit[] {
    this.prepared ??= prepareDirectory(this.entries(), new Map(this.duties.read().departments.map((d) => [d.id, d.name])));
    return searchDirectory(this.prepared, query);
  }

  /** Applies the hub's changes in one transaction; false when the replica already has this version or a newer one. */
  applyChanges(raw: DirectoryChanges): boolean {
    const changes = directoryChangesSchema.parse(raw);
    const applied = this.db.transaction(() => {
      if (changes.version <= this.version()) return false;
      const del = this.db.prepare('DELETE FROM transfer_directory WHERE id = ?');
      for (const id of changes.delete) del.run(id);
      this.write(changes.upsert);
      this.db
        .prepare("INSERT INTO transfer_directory_state (singleton, version, source) VALUES (1, ?, 'hub') ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, source = 'hub', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
        .run(changes.version);
      return true;
    })();
    if (applied) {
      this.cache = null;
      this.prepared = null;
    }
    return applied;
  }

  private write(entries: readonly DirectoryEntry[]): void {
    const put = this.db.prepare('INSERT INTO transfer_directory (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc');
    for (const e of entries) put.run(e.id, JSON.stringify(e));
  }
}
