import { z } from 'zod';
import type { AppStateStore } from '../app-state';
import type { DeskDatabase } from './database';
import { integrityCheck } from './open-desk-database';

export const integrityReportSchema = z.object({ at: z.string(), ok: z.boolean(), problems: z.array(z.string()) });
export type IntegrityReport = z.infer<typeof integrityReportSchema>;

export interface IntegrityScheduleOptions {
  db: DeskDatabase;
  appState: AppStateStore;
  /** True while the operator is on a call: the full check reads every page and waits for a quiet moment. */
  busy: () => boolean;
  onReport: (report: IntegrityReport) => void;
  now?: () => Date;
  /** How often to look whether a check is due (default hourly). */
  pollMs?: number;
  /** How old the last check may get (default a day). */
  everyMs?: number;
}

/**
 * `PRAGMA integrity_check` once a day, at a moment the operator is not on a
 * call. (`quick_check` runs after every start, off the main thread; this one also reads every index
 * page.) The result is kept, logged, and a failure is reported: the desk then
 * asks for the database to be checked at the shift change, while it keeps
 * writing, since refusing to save would lose the operator's work for certain.
 */
export class IntegritySchedule {
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: IntegrityScheduleOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.timer ??= setInterval(() => this.runIfDue(), this.options.pollMs ?? 3_600_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  last(): IntegrityReport | null {
    return this.options.appState.read('integrityCheck', integrityReportSchema.nullable(), null);
  }

  /** Runs the check when the last one is older than the period and the desk is quiet; returns the new report, if any. */
  runIfDue(): IntegrityReport | null {
    const last = this.last();
    const due = !last || this.now().getTime() - Date.parse(last.at) >= (this.options.everyMs ?? 86_400_000);
    if (!due || this.options.busy()) return null;
    const result = integrityCheck(this.options.db);
    const report = this.options.appState.write('integrityCheck', integrityReportSchema, { at: this.now().toISOString(), ...result });
    this.options.onReport(report);
    return report;
  }
}
