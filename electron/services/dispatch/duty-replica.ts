import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Department, Duty } from '../../../shared/dispatch/responsibility';
import { departmentSchema, dutySchema, localLeads } from '../../../shared/dispatch/responsibility';
import { DeskFailure } from '../../../shared/result';
import type { DeskDatabase } from '../db/database';

/**
 * The desk's copy of the responsibility list. Seeded from the shipped data on
 * first start, then changed only by the sync engine through `applyChanges`
 * with the hub's list version, so dispatch suggestions work offline.
 */

export const dutyListChangesSchema = z.object({
  /** The hub's list version after these changes; older or equal versions are ignored (replays are harmless). */
  version: z.number().int().positive(),
  departments: z.object({ upsert: z.array(departmentSchema), delete: z.array(z.string()) }).partial().default({}),
  duties: z.object({ upsert: z.array(dutySchema), delete: z.array(z.string()) }).partial().default({}),
});
export type DutyListChanges = z.input<typeof dutyListChangesSchema>;

export interface DutyList {
  version: number;
  departments: Department[];
  duties: Duty[];
}

export function readSeed(resourcesDir: string): { departments: Department[]; duties: Duty[] } {
  const dir = path.join(resourcesDir, 'data', 'dispatch');
  const departments = departmentSchema.array().parse(JSON.parse(fs.readFileSync(path.join(dir, 'departments.json'), 'utf8')));
  const duties = fs
    .readFileSync(path.join(dir, 'duties.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => dutySchema.parse(JSON.parse(line)));
  return { departments, duties };
}

export class DutyReplica {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: DeskDatabase) {}

  /** Fills an empty replica from the shipped list (version 0); a replica that has data is left alone. */
  seedIfEmpty(seed: { departments: readonly Department[]; duties: readonly Duty[] }): boolean {
    return this.db.transaction(() => {
      const state = this.db.prepare('SELECT version FROM dispatch_list_state').get();
      if (state) return false;
      this.write(seed.departments, seed.duties);
      assertConsistent(this.read());
      this.db.prepare("INSERT INTO dispatch_list_state (singleton, version, source) VALUES (1, 0, 'seed')").run();
      return true;
    })();
  }

  version(): number {
    const row = this.db.prepare<[], { version: number }>('SELECT version FROM dispatch_list_state').get();
    return row?.version ?? -1;
  }

  read(): DutyList {
    const departments = this.db
      .prepare<[], { doc: string }>('SELECT doc FROM dispatch_departments ORDER BY id')
      .all()
      .map((r) => departmentSchema.parse(JSON.parse(r.doc)));
    const duties = this.db
      .prepare<[], { doc: string }>('SELECT doc FROM dispatch_duties ORDER BY id')
      .all()
      .map((r) => dutySchema.parse(JSON.parse(r.doc)));
    return { version: this.version(), departments, duties };
  }

  /**
   * Applies the hub's changes in one transaction. The result must still be a
   * consistent list (every lead and co-handler known); otherwise nothing is
   * changed and a CONFLICT is thrown, so a bad batch never breaks dispatch.
   * Returns false when the replica already has this version or a newer one.
   */
  applyChanges(raw: DutyListChanges): boolean {
    const changes = dutyListChangesSchema.parse(raw);
    const applied = this.db.transaction(() => {
      if (changes.version <= this.version()) return false;
      const del = this.db.prepare('DELETE FROM dispatch_departments WHERE id = ?');
      for (const id of changes.departments.delete ?? []) del.run(id);
      const delDuty = this.db.prepare('DELETE FROM dispatch_duties WHERE id = ?');
      for (const id of changes.duties.delete ?? []) delDuty.run(id);
      this.write(changes.departments.upsert ?? [], changes.duties.upsert ?? []);
      assertConsistent(this.read());
      this.db
        .prepare("INSERT INTO dispatch_list_state (singleton, version, source) VALUES (1, ?, 'hub') ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, source = 'hub', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
        .run(changes.version);
      return true;
    })();
    if (applied) for (const listener of this.listeners) listener();
    return applied;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(departments: readonly Department[], duties: readonly Duty[]): void {
    const dep = this.db.prepare('INSERT INTO dispatch_departments (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc');
    for (const d of departments) dep.run(d.id, JSON.stringify(d));
    const duty = this.db.prepare('INSERT INTO dispatch_duties (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc');
    for (const d of duties) duty.run(d.id, JSON.stringify(d));
  }
}

function assertConsistent(list: DutyList): void {
  const ids = new Set(list.departments.map((d) => d.id));
  const literals: readonly string[] = localLeads;
  for (const duty of list.duties) {
    for (const unit of [duty.lead, ...duty.co]) {
      if (!ids.has(unit) && !literals.includes(unit)) {
        throw new DeskFailure('CONFLICT', `duty ${duty.id} names unknown unit ${unit}; responsibility list changes refused`);
      }
    }
  }
}
