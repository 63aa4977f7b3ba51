import { performance } from 'node:perf_hooks';
import { connectPostgres } from '../../server/src/db/pg-driver';
import type { PushOperation } from '../../shared/hub/sync';
import type { TicketRegistration } from '../../shared/tickets/ticket';
import { uuidv7 } from '../../shared/tickets/uuid7';

/** A desk's batches as the push bench sends them (JSON bodies of POST /v1/sync/push). */
export interface FloorLoad {
  bodies: readonly string[];
}

const TICKET_COLUMNS = [
  'id', 'number', 'desk_id', 'author', 'state', 'caller_number', 'category_1', 'category_2', 'district', 'confidential',
  'trainee', 'review', 'registration', 'created_at', 'desk_created_at', 'updated_at', 'version',
] as const;
const EVENT_COLUMNS = ['ticket_id', 'op_id', 'kind', 'author', 'sent_by', 'desk_id', 'at', 'payload'] as const;

/** `($1, $2, …), ($n+1, …)` for `rows` rows of `columns` parameters each. */
function valuesList(rows: number, columns: number): string {
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${String(r * columns + c + 1)}`).join(', ')})`).join(', ');
}

/**
 * The raw PostgreSQL floor for the hub's push: the same rows the hub writes for
 * a batch of registrations (a ticket row and its event each), sent as two plain
 * multi-row INSERTs in one transaction per batch, from as many connections as
 * desks pushing at once, with no parsing, no checks, no counters, no HTTP. The
 * rows get fresh ids and numbers so they can sit beside the hub's own. Returns
 * tickets per second; the hub's push rate over this is `hub.push_floor_ratio`.
 */
export async function pushFloorPerSecond(databaseUrl: string, loads: readonly FloorLoad[]): Promise<{ tickets: number; seconds: number; perSecond: number }> {
  // Everything but the database's work is done before the clock starts: the statements' parameters are ready.
  const batches = loads.map((load, d) =>
    load.bodies.map((body, b) => {
      const { deskId, operations } = JSON.parse(body) as { deskId: string; operations: (PushOperation & { payload: TicketRegistration })[] };
      const at = new Date().toISOString();
      const tickets: unknown[] = [];
      const events: unknown[] = [];
      operations.forEach((op, i) => {
        const id = uuidv7();
        const registration = JSON.stringify({ ...op.payload, id });
        const r = op.payload;
        tickets.push(id, `F${String(d)}-${String(b)}-${String(i)}`, deskId, op.author, 'registered', r.callerNumber, r.category[0], r.category[1], r.location.district,
          r.confidential, false, 'not_required', registration, op.createdAt, op.createdAt, op.createdAt, 0);
        events.push(id, uuidv7(), op.kind, op.author, op.author, deskId, at, registration);
      });
      return { rows: operations.length, tickets, events };
    }),
  );
  const sql = connectPostgres(databaseUrl, { max: loads.length });
  try {
    let tickets = 0;
    const started = performance.now();
    await Promise.all(
      batches.map(async (deskBatches) => {
        for (const batch of deskBatches) {
          await sql.transaction(async (tx) => {
            await tx.query(`INSERT INTO tickets (${TICKET_COLUMNS.join(', ')}) VALUES ${valuesList(batch.rows, TICKET_COLUMNS.length)}`, batch.tickets);
            await tx.query(`INSERT INTO ticket_events (${EVENT_COLUMNS.join(', ')}) VALUES ${valuesList(batch.rows, EVENT_COLUMNS.length)}`, batch.events);
          });
          tickets += batch.rows;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { tickets, seconds, perSecond: tickets / seconds };
  } finally {
    await sql.close();
  }
}
