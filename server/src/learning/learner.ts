import type { LearnedVersion } from '../../../shared/hub/learned';
import type { Sql } from '../db/sql';
import { evidenceMark } from './evidence';
import { newestMark, saveSnapshot } from './learned-store';
import { trainFromHistory } from './train';

/**
 * Retrains the learned snapshot on a schedule and on demand, one retraining at a time in this process (an
 * admin's request during a scheduled run waits for that run and then trains again). Training yields to
 * requests between pages (train.ts), so the hub keeps answering while it runs.
 */
export class Learner {
  private running: Promise<LearnedVersion | null> = Promise.resolve(null);
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
    private readonly reportError: (error: unknown, what: string) => void,
  ) {}

  /** Trains now and saves a new version, whatever the evidence. */
  retrain(): Promise<LearnedVersion> {
    return this.queue(true) as Promise<LearnedVersion>;
  }

  /** Every `intervalMs`: a new version when there is evidence newer than the newest version's. */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.queue(false).catch((error: unknown) => {
        this.reportError(error, 'scheduled retraining of the learned snapshot');
      });
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the schedule and waits for a retraining in flight (the database must outlive it). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => null);
  }

  private queue(force: boolean): Promise<LearnedVersion | null> {
    const next = this.running.catch(() => null).then(() => this.trainOnce(force));
    this.running = next;
    return next;
  }

  private async trainOnce(force: boolean): Promise<LearnedVersion | null> {
    if (this.stopped && !force) return null;
    const mark = await evidenceMark(this.sql);
    if (!force && (mark === '0:0' || mark === (await newestMark(this.sql)))) return null;
    const trained = await trainFromHistory(this.sql, this.now());
    return saveSnapshot(this.sql, trained, mark);
  }
}
