import { performance } from 'node:perf_hooks';
import type { Sql } from '../db/sql';
import { evaluateAlerts } from './early-warning';
import type { TouchedTickets } from './touched-tickets';
import { callerKey, placeKey } from './touched-tickets';

/** The least time from the start of one round to the start of the next, while pushes keep coming. */
export const MIN_ROUND_GAP_MS = 500;

/**
 * Early warning after pushes, one evaluation at a time per hub process.
 * Pushes only hand over what they touched; while an evaluation runs, the
 * places and callers of the pushes behind it are gathered (each once) and
 * counted together next. So with hundreds of desks pushing at once the
 * database does one set of counts per round instead of one per push. A round
 * after a quiet spell starts at once; while pushes keep coming, rounds start
 * at most every MIN_ROUND_GAP_MS, so a busy centre's counting costs a bounded
 * share of the database (each round counts every place touched since the
 * last, once) instead of all it has left over, and an alert is at most one
 * gap and one round late (a round takes milliseconds to a few hundred).
 */
export class AlertEvaluator {
  private places = new Map<string, TouchedTickets['places'][number]>();
  private callers = new Map<string, TouchedTickets['callers'][number]>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
    private readonly reportError: (error: unknown, what: string) => void,
    private readonly minGapMs = MIN_ROUND_GAP_MS,
  ) {}

  /** Queues what a committed push touched; returns at once. */
  schedule(touched: TouchedTickets): void {
    for (const place of touched.places) this.places.set(placeKey(place), place);
    for (const caller of touched.callers) this.callers.set(callerKey(caller), caller);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when everything scheduled so far has been evaluated (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.places.size || this.callers.size) {
      const started = performance.now();
      const touched: TouchedTickets = { places: [...this.places.values()], callers: [...this.callers.values()] };
      this.places = new Map();
      this.callers = new Map();
      try {
        await evaluateAlerts(this.sql, touched, this.now());
      } catch (error) {
        this.reportError(error, 'early-warning evaluation failed');
      }
      const rest = this.minGapMs - (performance.now() - started);
      if (rest > 0 && (this.places.size || this.callers.size)) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  }
}
