import type { SqlTransaction } from './sql';
import { onlyRow } from './sql';

/** Building a formatter costs ~75 µs, more than a ticket's insert: one per time zone, made once. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYYMMDD` of an instant in the centre's time zone. */
export function centreDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

/**
 * The change version and the day's ticket numbers, for one transaction.
 *
 * The first use locks the counter row until the transaction ends, so writers
 * serialise on it: versions and numbers are handed out in commit order, and a
 * pull that asks for "version > cursor" can never miss a change that commits
 * later with a smaller version. Values are counted locally and written back
 * once (`flush`), so a batch of 100 tickets costs two extra statements, not 200.
 */
export class TransactionCounters {
  private version: number | null = null;
  private readonly days = new Map<string, number>();
  /** The last instant asked about and its day: a batch numbers all its tickets at the same instant. */
  private lastDay: { at: number; day: string } | null = null;

  constructor(
    private readonly tx: SqlTransaction,
    private readonly timeZone: string,
  ) {}

  async nextVersion(): Promise<number> {
    if (this.version === null) {
      const row = onlyRow(await this.tx.query<{ version: string }>('SELECT version FROM change_counter FOR UPDATE'));
      this.version = Number(row.version);
    }
    this.version += 1;
    return this.version;
  }

  /** e.g. `20261122-000123`: unique, increasing within the day (not gap-free: a rolled-back batch leaves none used). */
  async nextTicketNumber(at: Date): Promise<string> {
    if (this.lastDay?.at !== at.getTime()) this.lastDay = { at: at.getTime(), day: centreDay(at, this.timeZone) };
    const day = this.lastDay.day;
    let last = this.days.get(day);
    if (last === undefined) {
      const row = onlyRow(await this.tx.query<{ last: string }>(
        'INSERT INTO ticket_day_counters (day, last) VALUES ($1, 0) ON CONFLICT (day) DO UPDATE SET last = ticket_day_counters.last RETURNING last',
        [day],
      ));
      last = Number(row.last);
    }
    last += 1;
    this.days.set(day, last);
    return `${day}-${String(last).padStart(6, '0')}`;
  }

  /** Writes the counters back; call once, last thing in the transaction. */
  async flush(): Promise<void> {
    if (this.version !== null) await this.tx.query('UPDATE change_counter SET version = $1', [this.version]);
    for (const [day, last] of this.days) await this.tx.query('UPDATE ticket_day_counters SET last = $2 WHERE day = $1', [day, last]);
  }
}

/** Runs `work` with counters and flushes them before commit. */
export async function withCounters<T>(tx: SqlTransaction, timeZone: string, work: (counters: TransactionCounters) => Promise<T>): Promise<T> {
  const counters = new TransactionCounters(tx, timeZone);
  const result = await work(counters);
  await counters.flush();
  return result;
}
