import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { TokenClaims } from '../auth/tokens';

/**
 * Who may see what of a ticket. A confidential (保密) caller's name and
 * number are shown only to the desk and operator that registered it and to
 * supervisors; other operators and departments see them masked; a trainee
 * may not open another desk's confidential ticket at all.
 */
export type Visibility = 'full' | 'masked' | 'hidden';

export function visibilityOf(user: TokenClaims, ticket: Pick<HubTicket, 'deskId' | 'author' | 'registration' | 'transfer'>): Visibility {
  if (user.role === 'admin' || user.role === 'supervisor') return 'full';
  if (user.role === 'department') {
    if (ticket.transfer?.lead !== user.departmentId && !ticket.transfer?.co.includes(user.departmentId ?? '')) return 'hidden';
    return ticket.registration.confidential ? 'masked' : 'full';
  }
  const own = ticket.author === user.sub || (user.deskId !== null && ticket.deskId === user.deskId);
  if (own || !ticket.registration.confidential) return 'full';
  return user.role === 'trainee' ? 'hidden' : 'masked';
}

export function maskNumber(number: string): string {
  return number.length <= 4 ? '*'.repeat(number.length) : `${number.slice(0, 3)}****${number.slice(-4)}`;
}

/** The ticket as this user may see it, or null when hidden. */
export function asSeenBy(user: TokenClaims, ticket: HubTicket): HubTicket | null {
  const visibility = visibilityOf(user, ticket);
  if (visibility === 'hidden') return null;
  if (visibility === 'full') return ticket;
  return {
    ...ticket,
    contactMasked: true,
    registration: { ...ticket.registration, callerName: ticket.registration.callerName ? `${ticket.registration.callerName.slice(0, 1)}**` : '', callerNumber: maskNumber(ticket.registration.callerNumber) },
  };
}
