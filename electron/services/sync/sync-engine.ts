import type { BackoffPolicy } from '../../../shared/sync/backoff';
import { backoffDelayMs, hubBackoff } from '../../../shared/sync/backoff';
import type { SyncErrorCode, SyncStatus } from '../../../shared/sync/status';
import type { DeskErrorReason } from '../../../shared/result';

/** A failure with a code the status bar can put into words. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    /** For logs, in English; the status bar words `code`, dialogs word `reason`. */
    message: string,
    /** What exactly failed, for the operator's wording (e.g. HUB_TIMEOUT rather than HUB_NETWORK). */
    readonly reason?: DeskErrorReason,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The two halves of an exchange with the hub, and the local queue's summary. */
export interface SyncPort {
  /** Sends the outbox in order until it is empty; throws SyncError when the hub cannot be reached. */
  push(): Promise<void>;
  /** Applies the hub's changes since the saved cursor until caught up. */
  pull(): Promise<void>;
  queueSummary(): Pick<SyncStatus, 'pending' | 'oldestPendingAt' | 'needsAttention'>;
}

export interface SyncEngineOptions {
  port: SyncPort;
  /** Time between exchanges when all is well (new department replies, KB changes). */
  pollIntervalMs: number;
  backoff?: BackoffPolicy;
  now?: () => Date;
  random?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Runs push-then-pull exchanges forever: on a timer, after every local write
 * (`nudge`) and on demand (`syncNow`). A failed exchange is retried with
 * backoff and jitter; the outbox itself is the only state that matters, so
 * stopping at any point (crash, sign-out, kill -9) loses nothing and the next
 * exchange resumes where the hub's acknowledgements left off.
 */
export class SyncEngine {
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly backoff: BackoffPolicy;
  private readonly now: () => Date;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private stopped = true;
  private state: Omit<SyncStatus, 'pending' | 'oldestPendingAt' | 'needsAttention'> = {
    connection: 'offline',
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
  };

  constructor(private readonly options: SyncEngineOptions) {
    this.backoff = options.backoff ?? hubBackoff;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops scheduling; an exchange in flight finishes (the hub's answer is still recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.running;
  }

  /** Something was queued: exchange soon, without waiting for the poll interval or a backoff. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else if (this.failures === 0) this.schedule(0);
  }

  /** The operator pressed "sync now": exchange at once even during a backoff, and report the outcome. */
  async syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      await this.running;
    }
    if (!this.stopped) this.clearTimer();
    await this.exchange();
    return this.status();
  }

  status(): SyncStatus {
    return { ...this.state, ...this.options.port.queueSummary() };
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.state.nextAttemptAt = new Date(this.now().getTime() + delayMs).toISOString();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.exchange();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private exchange(): Promise<void> {
    this.running ??= this.runExchange().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runExchange(): Promise<void> {
    do {
      this.again = false;
      this.update({ connection: 'syncing', nextAttemptAt: null });
      try {
        await this.options.port.push();
        await this.options.port.pull();
        this.failures = 0;
        this.update({ connection: 'online', lastSuccessAt: this.now().toISOString(), lastError: null });
      } catch (error) {
        this.failures += 1;
        this.options.onError?.(error);
        const lastError = error instanceof SyncError ? { code: error.code, message: error.message } : { code: 'INTERNAL' as const, message: String(error) };
        this.update({ connection: 'offline', lastError });
        this.again = false;
      }
    } while (this.wantsAnotherExchange());

    if (this.failures === 0) this.schedule(this.options.pollIntervalMs);
    // A desk whose session expired waits for a sign-in rather than hammering the hub.
    else if (this.state.lastError?.code !== 'AUTH_REQUIRED') this.schedule(backoffDelayMs(this.failures, this.backoff, this.options.random));
    this.emit();
  }

  /** A write was queued (or "sync now" pressed) while the last exchange ran. */
  private wantsAnotherExchange(): boolean {
    return this.again && !this.stopped;
  }

  private update(patch: Partial<typeof this.state>): void {
    Object.assign(this.state, patch);
    this.emit();
  }

  private emit(): void {
    // Nobody listening (the desk is shutting down and its database may be closed already): nothing to compute.
    if (this.listeners.size === 0) return;
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
