import type { z } from 'zod';
import type { PushOperation } from '../../../shared/hub/sync';
import type { TicketRegistration, TicketState } from '../../../shared/tickets/ticket';
import { callbackSchema, canTransition, directAnswerSchema, ticketRegistrationSchema, transferSchema } from '../../../shared/tickets/ticket';
import type { TransactionCounters } from '../db/counters';
import type { SqlTransaction } from '../db/sql';
import type { TicketRow } from './ticket-rows';
import { findTicket, recordEvent } from './ticket-rows';

/** A permanent refusal of one operation: the desk shows it under 需处理 and goes on with the next. */
export class OperationRejected extends Error {}

export interface OperationContext {
  tx: SqlTransaction;
  counters: TransactionCounters;
  deskId: string;
  /** The signed-in account delivering the batch (the author may be an earlier shift's operator). */
  sentBy: string;
  /** Roles of the authors named in the batch; an unknown author is refused. */
  authorRoles: ReadonlyMap<string, string>;
  now: Date;
}

function payloadOf<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new OperationRejected(`内容不符合要求：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim());
  }
  return parsed.data;
}

const stateNames: Record<TicketState, string> = {
  registered: '已登记',
  answered: '已直接答复',
  transferred: '已转办',
  accepted: '已签收',
  returned: '已退回',
  replied: '已答复',
  called_back: '已回访',
  closed: '已办结',
};

/** A registration checked and numbered, waiting to be written with the others of its batch. */
export interface PreparedRegistration {
  op: PushOperation;
  number: string;
  version: number;
  trainee: boolean;
  registration: TicketRegistration;
}

/** What the batch already knows about ticket ids: stored at the hub, or registered earlier in this batch. */
export type KnownTickets = Map<string, { deskId: string; author: string; number: string }>;

/** Work written at a desk while nobody was signed in is authored by the seat; the delivering account is recorded beside it. */
export const SEAT_AUTHOR_PREFIX = 'seat:';

/** The author's role; refuses an author who is not a desk account of the centre (nor the seat). */
export function authorRole(op: PushOperation, ctx: OperationContext): string {
  if (op.author.startsWith(SEAT_AUTHOR_PREFIX) && op.author.length > SEAT_AUTHOR_PREFIX.length) return 'operator';
  const role = ctx.authorRoles.get(op.author);
  if (!role || !['operator', 'trainee', 'supervisor', 'admin'].includes(role)) throw new OperationRejected(`登记人 ${op.author} 不是本中心的话务账号`);
  return role;
}

/**
 * Checks a registration and gives it its number and version; the caller writes
 * it (several at once: one statement for a run of registrations). Returns the
 * existing number when the same desk and author registered this id before.
 */
export async function prepareRegistration(op: PushOperation, ctx: OperationContext, known: KnownTickets): Promise<PreparedRegistration | { duplicateOf: string }> {
  const role = authorRole(op, ctx);
  const registration = payloadOf(ticketRegistrationSchema, op.payload);
  if (registration.id !== op.ticketId) throw new OperationRejected('登记内容的工单编号与操作不一致');
  const existing = known.get(registration.id);
  if (existing) {
    // The idempotency key is the ticket id from the same desk: the same creation again changes nothing.
    if (existing.deskId === ctx.deskId && existing.author === op.author) return { duplicateOf: existing.number };
    throw new OperationRejected('该工单编号已被其他座席使用');
  }
  const version = await ctx.counters.nextVersion();
  const number = await ctx.counters.nextTicketNumber(ctx.now);
  known.set(registration.id, { deskId: ctx.deskId, author: op.author, number });
  return { op, number, version, trainee: role === 'trainee', registration };
}

/** Writes prepared registrations and their events: two statements whatever their number. */
export async function insertRegistrations(prepared: readonly PreparedRegistration[], ctx: OperationContext): Promise<void> {
  if (!prepared.length) return;
  const rows = prepared.map((p) => ({
    id: p.registration.id,
    number: p.number,
    author: p.op.author,
    caller_number: p.registration.callerNumber,
    category_1: p.registration.category[0],
    category_2: p.registration.category[1],
    district: p.registration.location.district,
    confidential: p.registration.confidential,
    trainee: p.trainee,
    review: p.trainee ? 'pending' : 'not_required',
    registration: p.registration,
    created_at: p.op.createdAt,
    version: p.version,
    op_id: p.op.opId,
  }));
  await ctx.tx.query(
    `INSERT INTO tickets (id, number, desk_id, author, state, caller_number, category_1, category_2, district, confidential, trainee, review,
                          registration, created_at, updated_at, version)
     SELECT x.id, x.number, $2, x.author, 'registered', x.caller_number, x.category_1, x.category_2, x.district, x.confidential, x.trainee, x.review,
            x.registration, x.created_at, x.created_at, x.version
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, number text, author text, caller_number text, category_1 text, category_2 text, district text,
            confidential boolean, trainee boolean, review text, registration jsonb, created_at timestamptz, version bigint)`,
    [JSON.stringify(rows), ctx.deskId],
  );
  await ctx.tx.query(
    `INSERT INTO ticket_events (ticket_id, op_id, kind, author, sent_by, desk_id, at, payload)
     SELECT x.id, x.op_id, 'ticket.register', x.author, $2, $3, $4, x.registration
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, op_id uuid, author text, registration jsonb)`,
    [JSON.stringify(rows), ctx.sentBy, ctx.deskId, ctx.now.toISOString()],
  );
}

/** Applies one change to a stored ticket (everything but a registration). */
export async function applyChange(op: PushOperation, ctx: OperationContext): Promise<void> {
  authorRole(op, ctx);
  const ticket = await findTicket(ctx.tx, op.ticketId, true);
  if (!ticket) throw new OperationRejected('枢纽没有这张工单');
  switch (op.kind) {
    case 'ticket.register':
      throw new Error('registrations go through prepareRegistration');
    case 'practice.result':
      throw new Error('practice results go through applyPracticeResult');
    case 'ticket.answer': {
      const answer = payloadOf(directAnswerSchema, op.payload);
      await change(ticket, 'answered', op, ctx, { answer: JSON.stringify(answer) });
      break;
    }
    case 'ticket.transfer': {
      const transfer = payloadOf(transferSchema, op.payload);
      if (ticket.trainee && ticket.review !== 'approved') throw new OperationRejected('实训学员的工单须经班长审核后才能转办');
      await change(ticket, 'transferred', op, ctx, { transfer: JSON.stringify(transfer), lead_department: transfer.lead, supervision: transfer.supervision });
      break;
    }
    case 'ticket.transfer_for_review': {
      const transfer = payloadOf(transferSchema, op.payload);
      await change(ticket, ticket.state as TicketState, op, ctx, { transfer: JSON.stringify(transfer), review: 'pending', review_comment: null });
      break;
    }
    case 'ticket.callback': {
      const callback = payloadOf(callbackSchema, op.payload);
      await change(ticket, 'called_back', op, ctx, { callback: JSON.stringify(callback) });
      break;
    }
  }
}

const changeableColumns = new Set(['answer', 'transfer', 'callback', 'lead_department', 'supervision', 'review', 'review_comment', 'reply', 'return_reason']);

/** Moves a ticket to `to` (when the transition is allowed), sets columns, bumps its version and records the event. */
export async function changeTicket(
  ticket: TicketRow,
  to: TicketState,
  columns: Record<string, unknown>,
  event: { kind: string; opId: string | null; author: string; sentBy: string; deskId: string | null; payload: unknown },
  ctx: Pick<OperationContext, 'tx' | 'counters' | 'now'>,
): Promise<number> {
  const from = ticket.state as TicketState;
  if (to !== from && !canTransition(from, to)) throw new OperationRejected(`工单${stateNames[from]}，不能改为${stateNames[to]}`);
  const names = Object.keys(columns);
  for (const name of names) if (!changeableColumns.has(name)) throw new Error(`not a changeable column: ${name}`);
  const version = await ctx.counters.nextVersion();
  const sets = names.map((name, i) => `${name} = $${i + 5}`);
  await ctx.tx.query(`UPDATE tickets SET state = $2, updated_at = $3, version = $4${sets.length ? ', ' + sets.join(', ') : ''} WHERE id = $1`, [
    ticket.id,
    to,
    ctx.now.toISOString(),
    version,
    ...names.map((name) => columns[name]),
  ]);
  await recordEvent(ctx.tx, { ticketId: ticket.id, at: ctx.now, ...event });
  return version;
}

function change(ticket: TicketRow, to: TicketState, op: PushOperation, ctx: OperationContext, columns: Record<string, unknown>): Promise<number> {
  return changeTicket(ticket, to, columns, { kind: op.kind, opId: op.opId, author: op.author, sentBy: ctx.sentBy, deskId: ctx.deskId, payload: op.payload }, ctx);
}
