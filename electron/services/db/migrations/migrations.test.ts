import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp-dir';
import type { DeskDatabase } from '../database';
import { closeDatabase, openDatabase, schemaVersion } from '../database';
import { migrations } from '../migrations';

/**
 * What each migration adds to the schema, exactly: tables and indexes by
 * name, and columns added to an existing table as `table.column`. A new
 * migration adds its line here; the data it carries over is tested beside
 * its feature (e.g. training/migrations.test.ts for 71 and 80).
 */
const adds: Readonly<Record<number, readonly string[]>> = {
  10: ['table app_state'],
  20: ['table kb_articles', 'table kb_replica_state'],
  21: ['table kb_feedback'],
  30: ['table dispatch_departments', 'table dispatch_duties', 'table dispatch_list_state'],
  31: ['table tickets', 'index tickets_state', 'table ticket_drafts', 'table outbox'],
  40: ['table outbox_rejected'],
  50: ['table call_records', 'index call_records_started', 'index call_records_remote'],
  60: ['table hub_tickets', 'table sync_cursor'],
  70: ['table practice_results', 'index practice_results_trainee'],
  71: ['column practice_results.client_id', 'index practice_results_client_id'],
  80: ['table ticket_activity', 'index ticket_activity_at'],
  90: ['index tickets_caller_number'],
  100: ['index hub_tickets_caller_number'],
  120: ['table transfer_directory', 'table transfer_directory_state'],
  130: ['table caller_history_cache', 'index caller_history_cache_fetched'],
  140: ['table learned_snapshot'],
  150: ['column outbox_rejected.details'],
  160: ['table kb_vectors'],
};

/** Every table, index and column of the database, as `kind name` (SQLite's own objects and automatic indexes left out). */
function schemaObjects(db: DeskDatabase): Set<string> {
  const objects = db
    .prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND type IN ('table', 'index')")
    .all();
  const found = new Set(objects.map((o) => `${o.type} ${o.name}`));
  for (const table of objects.filter((o) => o.type === 'table')) {
    for (const column of db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table.name}')`).all()) found.add(`column ${table.name}.${column.name}`);
  }
  return found;
}

describe('desk migrations, one file each', () => {
  it('has a case here for every migration', () => {
    expect(migrations.map((m) => m.version)).toEqual(Object.keys(adds).map(Number));
  });

  it.each(migrations.map((m, index) => [m.version, m.name, index] as const))('%i (%s) adds exactly its objects on top of the one before', (version, _name, index) => {
    const file = path.join(tempDir(), 'desk.sqlite3');
    const before = openDatabase(file, migrations.slice(0, index));
    const had = schemaObjects(before);
    closeDatabase(before);
    const after = openDatabase(file, migrations.slice(0, index + 1));
    try {
      expect(schemaVersion(after)).toBe(version);
      const added = [...schemaObjects(after)].filter((o) => !had.has(o) && !(o.startsWith('column ') && !had.has(`table ${o.slice(7).split('.')[0]!}`)));
      expect(added.sort()).toEqual([...(adds[version] ?? [])].sort());
    } finally {
      closeDatabase(after);
    }
  });
});
