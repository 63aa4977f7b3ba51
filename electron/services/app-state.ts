import type { ZodType } from 'zod';
import type { DeskDatabase } from './db/database';

/**
 * Small JSON documents kept by key (settings, window bounds). Values are
 * validated on the way in and on the way out, so a hand-edited or damaged row
 * falls back to the caller's default instead of crashing the desk.
 */
export class AppStateStore {
  private readonly selectStmt;
  private readonly upsertStmt;

  constructor(private readonly db: DeskDatabase) {
    this.selectStmt = db.prepare<[string], { value: string }>('SELECT value FROM app_state WHERE key = ?');
    this.upsertStmt = db.prepare<[string, string]>(
      `INSERT INTO app_state (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
  }

  read<T>(key: string, schema: ZodType<T>, fallback: T): T {
    const row = this.selectStmt.get(key);
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  write<T>(key: string, schema: ZodType<T>, value: T): T {
    const checked = schema.parse(value);
    this.upsertStmt.run(key, JSON.stringify(checked));
    return checked;
  }

  /** Reads, changes and writes one document in a single transaction. */
  update<T>(key: string, schema: ZodType<T>, fallback: T, change: (current: T) => T): T {
    return this.db.transaction(() => this.write(key, schema, change(this.read(key, schema, fallback))))();
  }
}
