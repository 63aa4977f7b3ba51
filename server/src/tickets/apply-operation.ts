import type { TicketState } from '../../../shared/tickets/ticket';
import type { Callback, TicketRegistration } from '../../../shared/tickets/ticket';
import { canTransition, redispatchIssue } from '../../../shared/tickets/ticket';
import { phoneLine } from '../../../shared/phone/phone-number';
import type { HubRole } from '../../../shared/hub/auth';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { TransactionCounters } from '../db/counters';
import type { SqlTransaction } from '../db/sql';
import type { ParsedOperation } from '../sync/push-entry';
import { checkPayloadId, fieldIssue, idTaken, OperationRejected } from '../sync/push-entry';
import type { TicketRow } from './ticket-rows';
import { findTicket, recordEvent } from './ticket-rows';
import { supplementableStates, urgeableStates } from '../../../shared/tickets/follow-up';
import { visibilityOf } from './visibility';
import type { ClosingRule } from '../../../shared/tickets/closing';
import { mayCloseAfterCallback } from '../../../shared/tickets/closing';
import { unreachableStates } from '../../../shared/tickets/callback-retry';

export { OperationRejected } from '../sync/push-entry';

export interface OperationContext {
  tx: SqlTransaction;
  counters: TransactionCounters;
  deskId: string;
  /** The signed-in account delivering the batch (the author may be an earlier shift's operator). */
  sentBy: string;
  /** The delivering session's role: supervisors and admins may change any desk's ticket, others only their desk's. */
  sessionRole: HubRole;
  /** The seat this desk is enrolled as. */
  seat: string;
  /** Roles of the accounts that have signed in at this desk (the session's included): the only authors it may name. */
  authorRoles: ReadonlyMap<string, string>;
  now: Date;
  /** The centre's day of `now` (\`YYYYMMDD\`): the day the batch's new tickets are numbered in. */
  ticketDay: string;
  /** The centre's rule for an operator's 办结 after a callback. */
  closingRule: ClosingRule;
  /** The time the hub counts the entry at: its own createdAt, or the hub's receipt time when the desk's clock is off. */
  countedAt(op: ParsedOperation): { at: string; skewed: boolean };
}

/** A registration checked, waiting to be written (and numbered) with the others of its run. */
export interface PreparedRegistration {
  op: ParsedOperation;
  trainee: boolean;
  registration: TicketRegistration;
}

/** What the batch already knows about ticket ids: stored at the hub, or registered earlier in this batch. */
export type KnownTickets = Map<string, { deskId: string; author: string }>;

/** Work written at a desk while nobody was signed in is authored by the seat; the delivering account is recorded beside it. */
export const SEAT_AUTHOR_PREFIX = 'seat:';

const DESK_ROLES = ['operator', 'trainee', 'supervisor', 'admin'];

/**
 * The operation as the hub records it, with the author decided from what the
 * hub knows rather than from the name pushed: an account that has signed in at
 * this desk (the session's own, or an earlier shift's), or — for work written
 * before anyone signed in — this desk's enrolled seat, whatever seat name the
 * desk put in. Anyone else is refused for this operation alone.
 */
export function withHubAuthor<T extends { author: string }>(op: T, ctx: OperationContext): T {
  if (op.author.startsWith(SEAT_AUTHOR_PREFIX)) return { ...op, author: SEAT_AUTHOR_PREFIX + ctx.seat };
  authorRole(op, ctx);
  return op;
}

/**
 * The author's role, which decides trainee review: the account's own role, or
 * for the seat's work the delivering session's (a trainee's session delivers
 * it for review). Never anything the desk pushed.
 */
export function authorRole(op: Pick<ParsedOperation, 'author'>, ctx: OperationContext): string {
  if (op.author.startsWith(SEAT_AUTHOR_PREFIX)) return ctx.sessionRole;
  const role = ctx.authorRoles.get(op.author);
  if (!role || !DESK_ROLES.includes(role)) throw new OperationRejected('UNKNOWN_AUTHOR', `author ${op.author} has not signed in at this desk`, { subject: op.author });
  return role;
}

/**
 * Checks a registration; the caller writes it with the others of its run
 * (`insertRegistrations`), which numbers them. Answers `duplicate` when the
 * same desk and author registered this id before.
 */
export function prepareRegistration(op: ParsedOperation & { kind: 'ticket.register' }, ctx: OperationContext, known: KnownTickets): PreparedRegistration | 'duplicate' {
  const role = authorRole(op, ctx);
  const registration = op.payload;
  checkPayloadId(op, registration.id);
  const existing = known.get(registration.id);
  if (existing) {
    // The idempotency key is the ticket id from the same desk: the same creation again changes nothing.
    if (existing.deskId === ctx.deskId && existing.author === op.author) return 'duplicate';
    throw idTaken(registration.id);
  }
  known.set(registration.id, { deskId: ctx.deskId, author: op.author });
  return { op, trainee: role === 'trainee', registration };
}

/**
 * Writes a run of registrations and their events in one statement, which also
 * takes their versions and the day's ticket numbers (in the order given) from
 * the counter rows: the version lock is taken here, as late as the push can
 * take it, and held until the commit. Returns the numbers, e.g. `20261122-000123`
 * (unique and increasing within the centre's day; not gap-free: a rolled-back
 * batch leaves its numbers unused).
 */
export async function insertRegistrations(prepared: readonly PreparedRegistration[], ctx: OperationContext): Promise<string[]> {
  if (!prepared.length) return [];
  const rows = prepared.map((p, i) => {
    const counted = ctx.countedAt(p.op);
    return {
      k: i + 1,
      id: p.registration.id,
      author: p.op.author,
      // The line, extension dropped: the key caller history and repeat alerts match on.
      caller_number: phoneLine(p.registration.callerNumber),
      category_1: p.registration.category[0],
      category_2: p.registration.category[1],
      district: p.registration.location.district,
      confidential: p.registration.confidential,
      trainee: p.trainee,
      review: p.trainee ? 'pending' : 'not_required',
      registration: p.registration,
      created_at: counted.at,
      desk_created_at: p.op.createdAt,
      clock_skewed: counted.skewed,
      op_id: p.op.opId,
    };
  });
  // Versions counted locally by an earlier change of this batch go to the row first; the statement adds to it.
  await ctx.counters.settle();
  const n = rows.length;
  const [taken] = await ctx.tx.query<{ version: string; last: string }>(
    `WITH v AS (UPDATE change_counter SET version = version + $2::int RETURNING version),
          d AS (INSERT INTO ticket_day_counters AS c (day, last) VALUES ($3, $2::int)
                  ON CONFLICT (day) DO UPDATE SET last = c.last + $2::int RETURNING last),
          x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(k int, id uuid, author text, caller_number text, category_1 text, category_2 text,
                  district text, confidential boolean, trainee boolean, review text, registration jsonb, created_at timestamptz,
                  desk_created_at timestamptz, clock_skewed boolean, op_id uuid)),
          t AS (INSERT INTO tickets (id, number, desk_id, author, state, caller_number, category_1, category_2, district, confidential, trainee, review,
                                     registration, created_at, desk_created_at, clock_skewed, updated_at, version)
                SELECT x.id, $3 || '-' || lpad(s.n::text, greatest(6, length(s.n::text)), '0'), $4, x.author, 'registered', x.caller_number,
                       x.category_1, x.category_2, x.district, x.confidential, x.trainee, x.review, x.registration, x.created_at, x.desk_created_at,
                       x.clock_skewed, x.created_at, v.version - $2::int + x.k
                  FROM x, v, d, LATERAL (SELECT d.last - $2::int + x.k AS n) s),
          e AS (INSERT INTO ticket_events (ticket_id, op_id, kind, author, sent_by, desk_id, at, payload)
                SELECT x.id, x.op_id, 'ticket.register', x.author, $5, $4, $6, x.registration FROM x)
     SELECT v.version, d.last FROM v, d`,
    [JSON.stringify(rows), n, ctx.ticketDay, ctx.deskId, ctx.sentBy, ctx.now.toISOString()],
  );
  if (!taken) throw new Error('the counters returned no row');
  ctx.counters.adopt(Number(taken.version));
  const first = Number(taken.last) - n;
  return rows.map((row) => `${ctx.ticketDay}-${String(first + row.k).padStart(6, '0')}`);
}

/** Roles that may change any desk's ticket; every other account only its own desk's. */
const ANY_TICKET_ROLES: readonly HubRole[] = ['supervisor', 'admin'];

/**
 * The states each change may start from (the transition itself is checked again by changeTicket). As at the
 * desk, the same change again corrects it (another department before it signs, another answer, a callback
 * recorded again) but never reaches past what the ticket has become since.
 */
const allowedFrom: Record<Exclude<ParsedOperation['kind'], 'ticket.register' | 'practice.result' | 'kb.use'>, readonly TicketState[]> = {
  'ticket.answer': ['registered', 'returned', 'answered'],
  'ticket.transfer': ['registered', 'returned', 'replied', 'called_back', 'transferred'],
  // A review request only for a trainee's ticket the centre has not sent out yet.
  'ticket.transfer_for_review': ['registered', 'returned'],
  'ticket.callback': ['answered', 'replied', 'called_back'],
  'ticket.supplement': supplementableStates,
  'ticket.urge': urgeableStates,
  'ticket.close': ['called_back'],
  'ticket.callback_unreachable': unreachableStates,
};

/**
 * A caller may ring any seat about a ticket they already have: a supplement or an urge is taken from any desk
 * whose session may open the ticket (a trainee not another desk's confidential one), never from a department.
 */
const FOLLOW_UP_KINDS: ReadonlySet<string> = new Set(['ticket.supplement', 'ticket.urge']);

function mayAct(ticket: TicketRow, op: ParsedOperation, ctx: OperationContext): boolean {
  if (ticket.desk_id === ctx.deskId || ANY_TICKET_ROLES.includes(ctx.sessionRole)) return true;
  if (!FOLLOW_UP_KINDS.has(op.kind)) return false;
  const viewer = { sub: ctx.sentBy, role: ctx.sessionRole, deskId: ctx.deskId, departmentId: null };
  return visibilityOf(viewer, { deskId: ticket.desk_id, author: ticket.author, registration: ticket.registration, transfer: ticket.transfer as HubTicket['transfer'] }) !== 'hidden';
}

/**
 * Applies one change to a stored ticket (everything but a registration):
 * only from the desk that registered it or a role allowed to act on any
 * ticket, and only from a state the change may start from.
 */
export async function applyChange(op: ParsedOperation, ctx: OperationContext): Promise<void> {
  authorRole(op, ctx);
  if (op.kind === 'ticket.register' || op.kind === 'practice.result' || op.kind === 'kb.use') throw new Error(`${op.kind} does not change a stored ticket`);
  const ticket = await findTicket(ctx.tx, op.ticketId, true);
  if (!ticket) throw new OperationRejected('NOT_FOUND', `no ticket ${op.ticketId}`, { subject: op.ticketId });
  if (!mayAct(ticket, op, ctx)) {
    const why = FOLLOW_UP_KINDS.has(op.kind) ? 'is confidential to this session' : 'was registered at another desk';
    throw new OperationRejected('NOT_OWNER', `ticket ${ticket.id} ${why}`, { subject: ticket.id });
  }
  const from = ticket.state as TicketState;
  const wrongState = (why: string): OperationRejected => new OperationRejected('WRONG_STATE', `${op.kind} ${why}`, { subject: ticket.id, state: from });
  if (!allowedFrom[op.kind].includes(from)) throw wrongState(`not allowed from state ${from}`);
  switch (op.kind) {
    case 'ticket.answer':
      await change(ticket, 'answered', op, ctx, { answer: JSON.stringify(op.payload) });
      break;
    case 'ticket.transfer':
      if (ticket.trainee && ticket.review !== 'approved') throw new OperationRejected('REVIEW_REQUIRED', 'a trainee’s ticket is transferred after a supervisor’s review', { subject: ticket.id });
      if (from === 'returned') {
        const issue = redispatchIssue(op.payload, ticket.lead_department);
        if (issue) throw new OperationRejected('INVALID_ENTRY', `re-dispatch refused: ${issue.code}`, { issues: [fieldIssue(`payload.${issue.path}`, issue.code, issue.code)] });
      }
      await change(ticket, 'transferred', op, ctx, { transfer: JSON.stringify(op.payload), lead_department: op.payload.lead, supervision: op.payload.supervision });
      break;
    case 'ticket.transfer_for_review':
      if (!ticket.trainee) throw wrongState('applies to a trainee’s ticket only');
      await change(ticket, from, op, ctx, { transfer: JSON.stringify(op.payload), review: 'pending', review_comment: null });
      break;
    case 'ticket.callback':
      await change(ticket, 'called_back', op, ctx, { callback: JSON.stringify(op.payload) });
      break;
    case 'ticket.supplement': {
      // The row is locked (FOR UPDATE): appending to what was read cannot lose a concurrent supplement.
      const kept = { ...op.payload, at: ctx.countedAt(op).at, author: op.author };
      await change(ticket, from, op, ctx, { supplements: JSON.stringify([...ticket.supplements, kept]) });
      break;
    }
    case 'ticket.urge':
      await change(ticket, from, op, ctx, { urge_count: ticket.urge_count + 1 });
      break;
    case 'ticket.callback_unreachable':
      // 无法联系: the try is kept in the ticket's trail; the callback is still to be made.
      await change(ticket, from, op, ctx, {});
      break;
    case 'ticket.close':
      if (!mayCloseAfterCallback(ticket.callback as Callback | null, ctx.closingRule)) throw wrongState(`not allowed by the centre’s closing rule after this callback`);
      await change(ticket, 'closed', op, ctx, {});
      break;
  }
}

const changeableColumns = new Set(['answer', 'transfer', 'callback', 'lead_department', 'supervision', 'review', 'review_comment', 'reply', 'return_reason', 'supplements', 'urge_count']);

/** Moves a ticket to `to` (when the transition is allowed), sets columns, bumps its version and records the event. */
export async function changeTicket(
  ticket: TicketRow,
  to: TicketState,
  columns: Record<string, unknown>,
  event: { kind: string; opId: string | null; author: string; sentBy: string; deskId: string | null; payload: unknown },
  ctx: Pick<OperationContext, 'tx' | 'counters' | 'now'>,
): Promise<number> {
  const from = ticket.state as TicketState;
  if (to !== from && !canTransition(from, to)) throw new OperationRejected('WRONG_STATE', `state ${from} cannot change to ${to}`, { subject: ticket.id, state: from });
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

function change(ticket: TicketRow, to: TicketState, op: ParsedOperation, ctx: OperationContext, columns: Record<string, unknown>): Promise<number> {
  return changeTicket(ticket, to, columns, { kind: op.kind, opId: op.opId, author: op.author, sentBy: ctx.sentBy, deskId: ctx.deskId, payload: op.payload }, ctx);
}
