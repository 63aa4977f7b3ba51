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
 * The change version for one transaction.
 *
 * The first use locks the counter row until the transaction ends, so writers
 * serialise on it: versions are handed out in commit order, and a pull that
 * asks for "version > cursor" can never miss a change that commits later with
 * a smaller version. Values are counted locally and written back once
 * (`flush`), so 100 changes cost two extra statements, not 200.
 *
 * A statement may also take a run of versions itself (`UPDATE change_counter
 * SET version = version + n` inside it, as a batch of registrations does):
 * `settle` first writes back what was counted locally, `adopt` then takes the
 * value the statement left. Such a statement locks the row only when it runs,
 * so a push that takes its versions in its last statement holds the lock for
 * that statement and its commit alone.
 */
export class TransactionCounters {
  private version: number | null = null;
  /** The version as the counter row holds it in this transaction (null: not read yet). */
  private written: number | null = null;

  constructor(private readonly tx: SqlTransaction) {}

  async nextVersion(): Promise<number> {
    if (this.version === null) {
      const row = onlyRow(await this.tx.query<{ version: string }>('SELECT version FROM change_counter FOR UPDATE'));
      this.version = Number(row.version);
      this.written = this.version;
    }
    this.version += 1;
    return this.version;
  }

  /** Writes back the versions counted locally, if any; before a statement that counts on the row itself. */
  async settle(): Promise<void> {
    if (this.version !== null && this.version !== this.written) {
      await this.tx.query('UPDATE change_counter SET version = $1', [this.version]);
      this.written = this.version;
    }
  }

  /** The counter row's value after a statement took versions itself; local counting goes on from it. */
  adopt(version: number): void {
    this.version = version;
    this.written = version;
  }

  /** Writes the counter back; call once, last thing in the transaction. */
  async flush(): Promise<void> {
    await this.settle();
  }
}

/** Runs `work` with counters and flushes them before commit. */
export async function withCounters<T>(tx: SqlTransaction, work: (counters: TransactionCounters) => Promise<T>): Promise<T> {
  const counters = new TransactionCounters(tx);
  const result = await work(counters);
  await counters.flush();
  return result;
}
