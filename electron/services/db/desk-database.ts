import type Database from 'better-sqlite3';

/** The desk's one SQLite connection (opened by database.ts); its own file so writers used by migrations need not import the opener. */
export type DeskDatabase = Database.Database;
