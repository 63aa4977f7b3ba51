import type { DepartmentReply, HubTicket, ReviewDecision } from '../../../shared/hub/hub-ticket';
import type { TicketState } from '../../../shared/tickets/ticket';
import type { TokenClaims } from '../auth/tokens';
import { withCounters } from '../db/counters';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import { changeTicket, OperationRejected } from './apply-operation';
import type { TicketRow } from './ticket-rows';
import { findTicket, toHubTicket } from './ticket-rows';
import { confidentialTicket, ticketNotFound } from './ticket-failures';
import { asSeenBy } from './visibility';

/**
 * Changes made at the hub rather than pushed by a desk: the department's
 * accept / return / reply (双反馈) and the supervisor's review of a
 * trainee's ticket. Each is an event with its author, and a new version that
 * the registering desk picks up in its next pull.
 */
async function act(
  hub: HubContext,
  user: TokenClaims,
  ticketId: string,
  kind: string,
  payload: unknown,
  decide: (ticket: TicketRow) => { to: TicketState; columns: Record<string, unknown> },
): Promise<HubTicket> {
  const now = hub.now();
  let state: string | undefined;
  try {
    await hub.sql.transaction(async (tx) => {
      const ticket = await findTicket(tx, ticketId, true);
      if (!ticket) throw ticketNotFound(ticketId);
      state = ticket.state;
      const { to, columns } = decide(ticket);
      // A department's step names the department it was taken for (the timeline shows it).
      const recorded = kind.startsWith('department.') ? { ...(payload as object), department: ticket.lead_department } : payload;
      await withCounters(tx, (counters) =>
        changeTicket(ticket, to, columns, { kind, opId: null, author: user.sub, sentBy: user.sub, deskId: user.deskId, payload: recorded }, { tx, counters, now }),
      );
    });
  } catch (error) {
    // changeTicket refuses only a transition the ticket's state does not allow.
    if (error instanceof OperationRejected) throw new HubFailure('CONFLICT', `${kind} not allowed from state ${String(state)}`, { reason: 'TICKET_WRONG_STATE', subject: ticketId, ...(state ? { state } : {}) });
    throw error;
  }
  const row = await findTicket(hub.sql, ticketId);
  if (!row) throw ticketNotFound(ticketId);
  const seen = asSeenBy(user, toHubTicket(row));
  if (!seen) throw confidentialTicket(ticketId);
  return seen;
}

function requireLeadDepartment(user: TokenClaims, ticket: TicketRow): void {
  if (user.role === 'department' && ticket.lead_department !== user.departmentId) throw new HubFailure('FORBIDDEN', `ticket ${ticket.id} is not transferred to department ${String(user.departmentId)}`, { reason: 'NOT_DEPARTMENTS_TICKET', subject: ticket.id });
}

export const acceptTicket = (hub: HubContext, user: TokenClaims, id: string): Promise<HubTicket> =>
  act(hub, user, id, 'department.accept', {}, (ticket) => {
    requireLeadDepartment(user, ticket);
    return { to: 'accepted', columns: {} };
  });

export const returnTicket = (hub: HubContext, user: TokenClaims, id: string, reason: string): Promise<HubTicket> =>
  act(hub, user, id, 'department.return', { reason }, (ticket) => {
    requireLeadDepartment(user, ticket);
    return { to: 'returned', columns: { return_reason: reason } };
  });

export const replyToTicket = (hub: HubContext, user: TokenClaims, id: string, reply: DepartmentReply): Promise<HubTicket> =>
  act(hub, user, id, 'department.reply', reply, (ticket) => {
    requireLeadDepartment(user, ticket);
    return { to: 'replied', columns: { reply: JSON.stringify({ ...reply, department: ticket.lead_department, at: hub.now().toISOString() }) } };
  });

/** Approve: the kept transfer goes out now. Return: back to the trainee with the comment. */
export const reviewTicket = (hub: HubContext, user: TokenClaims, id: string, decision: ReviewDecision): Promise<HubTicket> =>
  act(hub, user, id, `review.${decision.decision}`, decision, (ticket) => {
    if (ticket.review !== 'pending') throw new HubFailure('CONFLICT', `ticket ${ticket.id} is not waiting for review`, { reason: 'NOT_IN_REVIEW', subject: ticket.id });
    if (decision.decision === 'return') return { to: ticket.state as TicketState, columns: { review: 'rejected', review_comment: decision.comment || null } };
    const transfer = ticket.transfer as { lead: string; supervision: string } | null;
    if (!transfer) return { to: ticket.state as TicketState, columns: { review: 'approved', review_comment: decision.comment || null } };
    return {
      to: 'transferred',
      columns: { review: 'approved', review_comment: decision.comment || null, lead_department: transfer.lead, supervision: transfer.supervision },
    };
  });

/** 办结: a supervisor closes a ticket (after a callback, or an answered one). */
export const closeTicket = (hub: HubContext, user: TokenClaims, id: string): Promise<HubTicket> => act(hub, user, id, 'ticket.close', {}, () => ({ to: 'closed', columns: {} }));
