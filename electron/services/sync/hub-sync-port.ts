import type { DirectoryEntry } from '../../../shared/dispatch/directory';
import type { Department, Duty } from '../../../shared/dispatch/responsibility';
import type { Article } from '../../../shared/kb/article';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { PullChange } from '../../../shared/hub/sync';
import { MAX_PUSH_BATCH } from '../../../shared/hub/sync';
import type { DeskDatabase } from '../db/database';
import type { DutyReplica } from '../dispatch/duty-replica';
import type { TransferDirectory } from '../dispatch/transfer-directory';
import type { KbService } from '../kb/kb-service';
import type { HubHttp } from './hub-http';
import { HubRequestError } from './hub-http';
import type { LearnedReplica } from './learned-replica';
import type { OutboxQueue } from './outbox-queue';
import type { SyncPort } from './sync-engine';
import { SyncError } from './sync-engine';

/**
 * As many entries per request as the hub takes: each batch costs the hub one transaction (one commit, one
 * fsync) and the desk one SQLite transaction to record the answers, so a long queue drains in few of them.
 */
export const PUSH_BATCH = MAX_PUSH_BATCH;
const PULL_PAGE = 500;

export interface HubSyncPortOptions {
  db: DeskDatabase;
  http: HubHttp;
  deskId: string;
  outbox: OutboxQueue;
  kb: KbService;
  duties: DutyReplica;
  /** The transfer directory's replica; a desk without one ignores directory changes. */
  directory?: TransferDirectory;
  /** What the hub learned from the centre's work; asked for after each pull (a desk without one does not ask). */
  learned?: LearnedReplica;
  /** Tickets changed at the hub (department replies, review decisions): the UI refreshes. */
  onTickets?: (tickets: readonly HubTicket[]) => void;
}

/**
 * One desk's exchange with the hub. Push sends the outbox oldest first in
 * batches and records the hub's answer for each entry (see OutboxQueue);
 * pull applies the hub's changes page by page, each page and the new cursor
 * in one SQLite transaction, so a crash between pages resumes from the last
 * applied page and a page applied twice changes nothing.
 */
export class HubSyncPort implements SyncPort {
  constructor(private readonly options: HubSyncPortOptions) {}

  async push(): Promise<void> {
    const { outbox, http, deskId } = this.options;
    for (;;) {
      const entries = outbox.peek(PUSH_BATCH);
      if (entries.length === 0) return;
      const operations = entries.map((e) => ({ seq: e.seq, opId: e.opId, author: e.author, kind: e.kind, ticketId: e.ticketId, payload: e.payload, createdAt: e.createdAt }));
      let answer;
      try {
        answer = await http.call('pushOutbox', { body: { deskId, operations, sentAt: new Date().toISOString() } });
      } catch (error) {
        if (error instanceof HubRequestError && error.hubCode === 'SEQ_GAP') {
          // Cannot happen while the outbox only ever deletes acknowledged entries; say so plainly if it does.
          throw new SyncError('HUB_FAILED', `hub expects seq ${String(error.expectedSeq)}, the outbox starts at ${String(entries[0]?.seq)}`, 'SEQ_GAP');
        }
        throw error;
      }
      outbox.record(answer.outcomes);
      // An answer that acknowledges none of what was sent (a hub or proxy that drops the outcomes) must not be
      // sent again at once, forever: it fails the exchange, and the engine retries with growing, jittered pauses.
      const answered = new Set(answer.outcomes.map((outcome) => outcome.seq));
      if (!entries.some((entry) => answered.has(entry.seq))) {
        throw new SyncError('HUB_NO_PROGRESS', `hub acknowledged none of ${String(entries.length)} entries from seq ${String(entries[0]?.seq)}`, 'HUB_NO_PROGRESS');
      }
    }
  }

  async pull(): Promise<void> {
    const { http } = this.options;
    for (;;) {
      const cursor = this.cursor();
      const page = await http.call('pullChanges', { query: { cursor, limit: PULL_PAGE } });
      if (page.cursor < cursor) throw new SyncError('HUB_FAILED', `hub sync cursor went back from ${String(cursor)} to ${String(page.cursor)} (database restored?)`, 'HUB_CURSOR_BACKWARDS');
      this.apply(page.changes, page.cursor);
      if (!page.more) break;
    }
    await this.options.learned?.refresh(http);
  }

  queueSummary() {
    return this.options.outbox.summary();
  }

  cursor(): number {
    return this.options.db.prepare<[string], { cursor: number }>('SELECT cursor FROM sync_cursor WHERE hub_url = ?').get(this.options.http.baseUrl)?.cursor ?? 0;
  }

  private apply(changes: readonly PullChange[], cursor: number): void {
    const { db, kb, duties } = this.options;
    const tickets: HubTicket[] = [];
    const articles: Article[] = [];
    const departments: { upsert: Department[]; delete: string[] } = { upsert: [], delete: [] };
    const dutyChanges: { upsert: Duty[]; delete: string[] } = { upsert: [], delete: [] };
    const directory: { upsert: DirectoryEntry[]; delete: string[] } = { upsert: [], delete: [] };
    for (const change of changes) {
      if (change.type === 'ticket') tickets.push(change.ticket);
      else if (change.type === 'article') articles.push(change.article);
      else if (change.type === 'department') {
        if (change.deleted) departments.delete.push(change.department.id);
        else departments.upsert.push(change.department);
      } else if (change.type === 'directory') {
        if (change.deleted) directory.delete.push(change.entry.id);
        else directory.upsert.push(change.entry);
      } else if (change.deleted) dutyChanges.delete.push(change.duty.id);
      else dutyChanges.upsert.push(change.duty);
    }
    const saveTicket = db.prepare(
      `INSERT INTO hub_tickets (id, number, state, doc, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET number = excluded.number, state = excluded.state, doc = excluded.doc, version = excluded.version, updated_at = excluded.updated_at
       WHERE excluded.version > hub_tickets.version`,
    );
    // better-sqlite3 nests these as savepoints: the replicas, the ticket rows and the cursor commit together.
    db.transaction(() => {
      for (const t of tickets) saveTicket.run(t.id, t.number, t.state, JSON.stringify(t), t.version, t.updatedAt);
      if (articles.length) kb.applyArticleChanges({ version: cursor, upserts: articles });
      if (departments.upsert.length || departments.delete.length || dutyChanges.upsert.length || dutyChanges.delete.length) {
        duties.applyChanges({ version: cursor, departments, duties: dutyChanges });
      }
      if (directory.upsert.length || directory.delete.length) this.options.directory?.applyChanges({ version: cursor, ...directory });
      db.prepare('INSERT INTO sync_cursor (hub_url, cursor) VALUES (?, ?) ON CONFLICT (hub_url) DO UPDATE SET cursor = excluded.cursor').run(this.options.http.baseUrl, cursor);
    })();
    if (tickets.length) this.options.onTickets?.(tickets);
  }
}
