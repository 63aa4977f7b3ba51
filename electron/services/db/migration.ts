import type Database from 'better-sqlite3';

/** One step of the desk's schema: its version, what it does, and the change itself (run in its own transaction). */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
