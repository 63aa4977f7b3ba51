import type { LearnedAnswer, LearnedSnapshot, LearnedVersion } from '../../../shared/hub/learned';
import type { Sql } from '../db/sql';
import type { TrainedSnapshot } from './train';

/** Arbitrary, fixed: serialises numbering a new version across hub processes. */
const VERSION_LOCK = 12_345_017;

/** Saves a trained snapshot as the next version (every version is kept); returns what it was numbered. */
export async function saveSnapshot(sql: Sql, trained: TrainedSnapshot, mark: string): Promise<LearnedVersion> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [VERSION_LOCK]);
    const [newest] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM learned_snapshots');
    const version = (newest?.version ?? 0) + 1;
    const doc: LearnedSnapshot = { version, ...trained, dispatch: { ...trained.dispatch, version }, kb: { ...trained.kb, version } };
    await tx.query('INSERT INTO learned_snapshots (version, trained_at, evidence, mark, doc) VALUES ($1, $2, $3, $4, $5)', [
      version,
      trained.trainedAt,
      JSON.stringify(trained.evidence),
      mark,
      JSON.stringify(doc),
    ]);
    return { version, trainedAt: trained.trainedAt, evidence: trained.evidence };
  });
}

/** The mark of the newest version, or null when none was trained yet. */
export async function newestMark(sql: Sql): Promise<string | null> {
  const [row] = await sql.query<{ mark: string }>('SELECT mark FROM learned_snapshots ORDER BY version DESC LIMIT 1');
  return row?.mark ?? null;
}

/**
 * What a desk that has version `have` is answered: only the version when it is current (one index lookup), the
 * newest snapshot otherwise. Served as stored; the desk checks it against the contract before using it.
 */
export async function answerFor(sql: Sql, have: number): Promise<LearnedAnswer> {
  const [newest] = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM learned_snapshots');
  const version = newest?.version ?? 0;
  if (version <= have) return { current: true, version };
  const [row] = await sql.query<{ doc: LearnedSnapshot }>('SELECT doc FROM learned_snapshots WHERE version = $1', [version]);
  if (!row) return { current: true, version: have };
  return { current: false, snapshot: row.doc };
}
