import type { LearnedModelSnapshot } from '../../../shared/dispatch/learned-model';
import type { LearnedSnapshot } from '../../../shared/hub/learned';
import { LEARNED_SNAPSHOT_MAX_BYTES, learnedSnapshotSchema, learnedVersionSchema } from '../../../shared/hub/learned';
import type { LearnedExpansionsSnapshot } from '../../../shared/kb/learned-expansions';
import type { LearnedStatus } from '../../../shared/sync/status';
import type { DeskDatabase } from '../db/database';
import type { HubHttp } from './hub-http';
import { SyncError } from './sync-engine';

/** Where a learned snapshot goes: the dispatch suggestions and the knowledge search. */
export interface LearnedTargets {
  dispatch: { applyLearnedModel(snapshot: LearnedModelSnapshot, checked: boolean): boolean };
  kb: { applyLearnedExpansions(snapshot: LearnedExpansionsSnapshot, checked: boolean): boolean };
}

/** A snapshot the desk would not take. */
export class LearnedSnapshotRefused extends Error {
  constructor(
    readonly reason: 'MALFORMED' | 'TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'LearnedSnapshotRefused';
  }
}

/**
 * The desk's replica of what the hub learned from the centre's work (shared/hub/learned.ts), pulled like the
 * other replicas: after each exchange the desk asks with the version it has (an unchanged snapshot costs one
 * small answer), checks a new one against the contract and its size cap, keeps it in SQLite (so a restart or an
 * outage keeps it) and hands it to the dispatch suggestions and the knowledge search. A malformed or oversized
 * snapshot is refused, named in the sync status, and the one in use stays.
 */
export class LearnedReplica {
  private current: Pick<LearnedSnapshot, 'version' | 'trainedAt' | 'evidence'> | null = null;
  private refused: LearnedStatus['refused'] = null;

  constructor(
    private readonly db: DeskDatabase,
    private readonly targets: LearnedTargets,
    private readonly warn: (message: string, error: unknown) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * At start: the snapshot kept from before, if any. It passed the contract's check before it was saved (and
   * SQLite checks it is JSON), so only its header is checked again here: parsing the whole snapshot once more
   * would cost every start a few hundred milliseconds for a large one. One that no longer reads is left unused.
   */
  load(): void {
    const row = this.db.prepare<[], { version: number; doc: string }>('SELECT version, doc FROM learned_snapshot WHERE singleton = 1').get();
    if (!row) return;
    const kept = JSON.parse(row.doc) as LearnedSnapshot;
    const header = learnedVersionSchema.safeParse(kept);
    if (!header.success || kept.version !== row.version || kept.dispatch.version !== row.version || kept.kb.version !== row.version) {
      this.warn('kept learned snapshot does not read; suggestions go without it until the hub sends one', header.error ?? new Error('versions differ'));
      return;
    }
    this.use(kept);
  }

  version(): number {
    return this.current?.version ?? 0;
  }

  status(): LearnedStatus {
    return { version: this.version(), trainedAt: this.current?.trainedAt ?? null, refused: this.refused };
  }

  /** Asks the hub for a newer snapshot and takes it. Never fails the exchange: a refusal is recorded, a failure logged. */
  async refresh(http: HubHttp): Promise<void> {
    try {
      const answer = await http.call('learnedSnapshot', { query: { have: this.version() } });
      if (!answer.current) this.accept(answer.snapshot);
    } catch (error) {
      // Already recorded by accept().
      if (error instanceof LearnedSnapshotRefused) return;
      if (error instanceof SyncError && (error.code === 'HUB_BAD_RESPONSE' || error.code === 'HUB_RESPONSE_TOO_LARGE')) {
        this.record(new LearnedSnapshotRefused(error.code === 'HUB_BAD_RESPONSE' ? 'MALFORMED' : 'TOO_LARGE', error.message));
      } else {
        this.warn('learned snapshot not fetched this time', error);
      }
    }
  }

  /**
   * Takes a snapshot: checked against the contract and the size cap, saved, then applied. An older or equal
   * version is ignored (false). A refused one throws LearnedSnapshotRefused and changes nothing.
   */
  accept(raw: unknown): boolean {
    let doc: string;
    try {
      doc = JSON.stringify(raw);
    } catch (error) {
      return this.refuse(new LearnedSnapshotRefused('MALFORMED', `learned snapshot cannot be written as JSON: ${String(error)}`));
    }
    if (Buffer.byteLength(doc) > LEARNED_SNAPSHOT_MAX_BYTES) {
      return this.refuse(new LearnedSnapshotRefused('TOO_LARGE', `learned snapshot over ${String(LEARNED_SNAPSHOT_MAX_BYTES)} bytes`));
    }
    const parsed = learnedSnapshotSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.refuse(new LearnedSnapshotRefused('MALFORMED', `learned snapshot does not match the contract at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`));
    }
    const snapshot = parsed.data;
    if (snapshot.version <= this.version()) return false;
    this.db
      .prepare(
        `INSERT INTO learned_snapshot (singleton, version, doc, received_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, doc = excluded.doc, received_at = excluded.received_at`,
      )
      .run(snapshot.version, doc, this.now().toISOString());
    this.use(snapshot);
    this.refused = null;
    return true;
  }

  private use(snapshot: LearnedSnapshot): void {
    // Parsed against the contract once, here.
    this.targets.dispatch.applyLearnedModel(snapshot.dispatch, true);
    this.targets.kb.applyLearnedExpansions(snapshot.kb, true);
    this.current = { version: snapshot.version, trainedAt: snapshot.trainedAt, evidence: snapshot.evidence };
  }

  private refuse(error: LearnedSnapshotRefused): never {
    this.record(error);
    throw error;
  }

  private record(error: LearnedSnapshotRefused): void {
    this.refused = { reason: error.reason, at: this.now().toISOString(), detail: error.message };
    this.warn(`learned snapshot refused; keeping version ${String(this.version())}`, error);
  }
}
