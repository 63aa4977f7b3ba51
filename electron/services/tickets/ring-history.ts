import { hubTicketSchema } from '../../../shared/hub/hub-ticket';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import { DeskFailure } from '../../../shared/result';
import type { RingHistory } from '../../../shared/tickets/ring-history';
import { RING_HUB_BUDGET_MS, ringHistory } from '../../../shared/tickets/ring-history';
import type { DeskDatabase } from '../db/database';
import type { HubSession } from '../hub/hub-session';
import type { DeskSync } from '../sync/desk-sync';
import type { HubTicketReplica } from '../sync/hub-ticket-replica';
import type { TicketStore } from './ticket-store';

const LIMIT = 50;
/** A kept answer older than this is dropped (a caller not heard of for a month is asked afresh). */
const KEEP_DAYS = 30;

export interface RingHistoryDeps {
  db: DeskDatabase;
  tickets: TicketStore;
  replica: HubTicketReplica;
  hub: HubSession;
  sync: Pick<DeskSync, 'status'>;
  budgetMs?: number;
  now?: () => Date;
}

type Outcome = { kind: 'hub'; tickets: HubTicket[]; at: string } | { kind: 'failed'; signedOut: boolean } | { kind: 'slow' };

/**
 * The caller's history on the ring. The hub is asked with a short budget
 * (RING_HUB_BUDGET_MS); its answer is kept per operator account and caller
 * line (it is masked for that operator's role, so it is never shown to
 * another account). When the hub is slow or down, the kept answer stands in,
 * with its age; without one, this desk's own tickets and its copy of them as
 * the hub last sent them. A late answer is still kept for the next ring.
 */
export class RingHistoryReader {
  private readonly budgetMs: number;
  private readonly now: () => Date;

  constructor(private readonly deps: RingHistoryDeps) {
    this.budgetMs = deps.budgetMs ?? RING_HUB_BUDGET_MS;
    this.now = deps.now ?? (() => new Date());
  }

  async read(line: string): Promise<RingHistory> {
    const { tickets, replica, hub, sync } = this.deps;
    const own = tickets.byCallerLine(line, LIMIT);
    const copies = replica.byCallerLine(line, LIMIT);
    const account = hub.account()?.username ?? null;
    const outcome: Outcome = account ? await this.askHub(account, line) : { kind: 'failed', signedOut: true };
    if (outcome.kind === 'hub') return { ...ringHistory(own, [copies, outcome.tickets], this.now()), source: 'hub', asOf: outcome.at, hubProblem: null };
    const kept = account ? this.kept(account, line) : null;
    const hubProblem = outcome.kind === 'slow' ? 'slow' : outcome.signedOut ? 'signed_out' : 'unreachable';
    return {
      ...ringHistory(own, [kept?.tickets ?? [], copies], this.now()),
      source: kept ? 'cache' : 'desk',
      asOf: kept?.fetchedAt ?? sync.status().lastSuccessAt,
      hubProblem,
    };
  }

  private async askHub(account: string, line: string): Promise<Outcome> {
    const asking = this.deps.hub.call('callerHistory', { params: { number: line }, query: { limit: LIMIT } }).then(
      (answer): Outcome => {
        const at = this.now().toISOString();
        // Kept once the ring has its answer: the write waits for the disk (synchronous=FULL) and blocks the
        // services while it does, so it must not stand between the hub's answer and the screen pop.
        setImmediate(() => {
          try {
            this.keep(account, line, at, answer.tickets);
          } catch {
            // Not kept (the desk file is closing or full): this ring still showed it.
          }
        });
        return { kind: 'hub', tickets: answer.tickets, at };
      },
      (error: unknown): Outcome => ({ kind: 'failed', signedOut: error instanceof DeskFailure && error.code === 'HUB_UNAUTHENTICATED' }),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        resolve({ kind: 'slow' });
      }, this.budgetMs);
    });
    try {
      return await Promise.race([asking, budget]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One transaction, so one wait for the disk. */
  private keep(account: string, line: string, at: string, found: HubTicket[]): void {
    const { db } = this.deps;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO caller_history_cache (account, line, fetched_at, doc) VALUES (?, ?, ?, ?)
          ON CONFLICT (account, line) DO UPDATE SET fetched_at = excluded.fetched_at, doc = excluded.doc`,
      ).run(account, line, at, JSON.stringify(found));
      db.prepare('DELETE FROM caller_history_cache WHERE fetched_at < ?').run(new Date(Date.parse(at) - KEEP_DAYS * 86_400_000).toISOString());
    })();
  }

  private kept(account: string, line: string): { fetchedAt: string; tickets: HubTicket[] } | null {
    const row = this.deps.db
      .prepare<[string, string], { fetched_at: string; doc: string }>('SELECT fetched_at, doc FROM caller_history_cache WHERE account = ? AND line = ?')
      .get(account, line);
    if (!row) return null;
    const parsed = hubTicketSchema.array().safeParse(safeJson(row.doc));
    return parsed.success ? { fetchedAt: row.fetched_at, tickets: parsed.data } : null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
