import type { HubTicket, TicketEvent } from '../../../shared/hub/hub-ticket';
import type { TokenClaims } from '../auth/tokens';
import { MASKED_NAME, MASKED_NUMBER } from '../../../shared/tickets/callback-contact';

/**
 * Who may see what of a ticket: the one masking rule of the hub, applied on
 * every way out (ticket, audit trail, pull, caller history, department inbox,
 * review queue, alerts on the list and the live feed).
 *
 * A confidential (保密) caller's name and number are shown only to the desk
 * and the operator that registered the ticket. Everyone else who may open the
 * ticket sees them masked — other operators, the departments it was sent to,
 * supervisors and admins (who unmask one ticket at a time with a reason, written
 * to the audit log); a trainee may not open another desk's confidential ticket
 * at all. Masking also removes the name and number wherever else they were
 * typed (the description, notes, replies).
 */
export type Visibility = 'full' | 'masked' | 'hidden';

type Viewer = Pick<TokenClaims, 'sub' | 'role' | 'deskId' | 'departmentId'>;
type Seen = Pick<HubTicket, 'deskId' | 'author' | 'registration' | 'transfer'>;

export function isRegisteringDesk(user: Viewer, ticket: Pick<HubTicket, 'deskId' | 'author'>): boolean {
  return ticket.author === user.sub || (user.deskId !== null && ticket.deskId === user.deskId);
}

export function visibilityOf(user: Viewer, ticket: Seen): Visibility {
  if (user.role === 'department') {
    if (ticket.transfer?.lead !== user.departmentId && !ticket.transfer?.co.includes(user.departmentId ?? '')) return 'hidden';
    return ticket.registration.confidential ? 'masked' : 'full';
  }
  if (!ticket.registration.confidential || isRegisteringDesk(user, ticket)) return 'full';
  return user.role === 'trainee' ? 'hidden' : 'masked';
}

export { MASKED_NAME, MASKED_NUMBER } from '../../../shared/tickets/callback-contact';

/** Fields that hold what people typed (where a caller's name or number may have been written). */
const FREE_TEXT_KEYS = new Set(['description', 'address', 'answer', 'notes', 'timeLimitReason', 'comments', 'comment', 'text', 'reason', 'returnReason', 'reviewComment', 'summary']);

/**
 * A copy of `value` with the contact fields masked wherever they sit and each
 * secret replaced by its mask inside free text. Ids, numbers and times are
 * left alone (a short caller number could otherwise match inside them).
 */
function scrubbed<T>(value: T, secrets: readonly [string, string][], key = ''): T {
  if (typeof value === 'string') {
    if (key === 'callerNumber') return MASKED_NUMBER as T;
    if (key === 'callerName') return (value ? MASKED_NAME : '') as T;
    if (!FREE_TEXT_KEYS.has(key)) return value;
    let text: string = value;
    for (const [secret, mask] of secrets) text = text.split(secret).join(mask);
    return text as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => scrubbed(item, secrets, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, scrubbed(item, secrets, name)])) as T;
  }
  return value;
}

/** The caller's name and number with their masks, longest first (a name of one character is not searched for in free text). */
function secretsOf(registration: Pick<HubTicket['registration'], 'callerName' | 'callerNumber'>): [string, string][] {
  const secrets: [string, string][] = [[registration.callerNumber, MASKED_NUMBER]];
  if (registration.callerName.length >= 2) secrets.push([registration.callerName, MASKED_NAME]);
  return secrets.filter(([secret]) => secret.length > 0).sort((a, b) => b[0].length - a[0].length);
}

function masked(ticket: HubTicket): HubTicket {
  return { ...scrubbed(ticket, secretsOf(ticket.registration)), contactMasked: true };
}

/** The ticket as this user may see it, or null when hidden. */
export function asSeenBy(user: Viewer, ticket: HubTicket): HubTicket | null {
  const visibility = visibilityOf(user, ticket);
  if (visibility === 'hidden') return null;
  return visibility === 'full' ? ticket : masked(ticket);
}

/** A ticket's audit trail as this user may see it: masked the same way as the ticket (the registration event carries the contact). */
export function eventsSeenBy(user: Viewer, ticket: HubTicket, events: readonly TicketEvent[]): TicketEvent[] {
  if (visibilityOf(user, ticket) === 'full') return [...events];
  const secrets = secretsOf(ticket.registration);
  return events.map((event) => scrubbed(event, secrets));
}

/** Free text that may name a confidential caller (an alert's ticket summary), scrubbed of that caller. */
export function scrubbedText(text: string, registration: Pick<HubTicket['registration'], 'callerName' | 'callerNumber'>): string {
  return scrubbed(text, secretsOf(registration), 'summary');
}
