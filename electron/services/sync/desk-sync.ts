import type { LearnedStatus, SyncStatus } from '../../../shared/sync/status';
import type { OutboxQueue } from './outbox-queue';
import type { SyncEngine } from './sync-engine';

/**
 * The desk's sync state as the status bar sees it. Until a hub is configured
 * (and its client attached) the desk works alone: the status says so, and
 * the queue still counts what is waiting, so nothing looks "sent" that is not.
 */
export class DeskSync {
  private engine: SyncEngine | null = null;
  private detachEngine: (() => void) | null = null;

  constructor(
    private readonly outbox: OutboxQueue,
    private readonly onStatus: (status: SyncStatus) => void,
  ) {}

  /** Connects a running engine (one per signed-in hub session); replaces any earlier one. */
  attach(engine: SyncEngine): void {
    this.detachEngine?.();
    this.engine = engine;
    this.detachEngine = engine.onStatus((status) => {
      this.onStatus(this.withLearned(status));
    });
    this.onStatus(this.status());
  }

  async detach(): Promise<void> {
    const engine = this.engine;
    this.detachEngine?.();
    this.engine = null;
    this.detachEngine = null;
    await engine?.stop();
    this.onStatus(this.status());
  }

  /**
   * At shutdown: stops the engine without reporting (the database closes
   * next). An exchange in flight is abandoned; its entries stay in the outbox
   * and are answered as duplicates next time.
   */
  close(): void {
    this.detachEngine?.();
    this.detachEngine = null;
    void this.engine?.stop();
    this.engine = null;
  }

  /** Set by the services: a hub address is configured but this desk is not enrolled there. */
  notEnrolled: () => boolean = () => false;

  /** Set by the services: the learned snapshot in use, shown with the sync state. */
  learnedStatus: () => LearnedStatus | undefined = () => undefined;

  private withLearned(status: SyncStatus): SyncStatus {
    const learned = this.learnedStatus();
    return learned ? { ...status, learned } : status;
  }

  status(): SyncStatus {
    if (this.engine) return this.withLearned(this.engine.status());
    const lastError = this.notEnrolled() ? { code: 'NOT_ENROLLED' as const, message: 'desk not enrolled at the hub; tickets wait in the outbox' } : null;
    return this.withLearned({ connection: 'not_configured', ...this.outbox.summary(), lastSuccessAt: null, lastError, nextAttemptAt: null });
  }

  syncNow(): Promise<SyncStatus> | SyncStatus {
    return this.engine ? this.engine.syncNow().then((status) => this.withLearned(status)) : this.status();
  }

  /** Something was written to the outbox. */
  queued(): void {
    if (this.engine) this.engine.nudge();
    this.onStatus(this.status());
  }
}
