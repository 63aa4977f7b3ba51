import type { HubTicket } from '../../../../shared/hub/hub-ticket';
import type { TicketRecord } from '../../../../shared/tickets/ticket-record';
import type { CallbackAttempt } from '../../../../shared/tickets/callback-retry';
import type { CallbackContactSource } from '../../../../shared/tickets/callback-contact';

export interface CallbackCandidate {
  id: string;
  /** The hub's number once it has one (e.g. `20261122-000123`). */
  number: string | null;
  description: string;
  /** Whom to ring: the desk's own copy of the caller's number, or the hub's (masked when the hub masked it). */
  contact: CallbackContactSource;
  /** 无法联系: the tries so far, oldest first. */
  attempts: CallbackAttempt[];
}

/**
 * Tickets with an answer to call back about: answered at this desk, or
 * replied by the department at the hub (the desk's own record still says
 * `transferred` until the callback; the services align it then). Called-back
 * and closed ones are left out; the desk's newest first, as listed.
 */
export function callbackCandidates(local: readonly TicketRecord[], hub: readonly HubTicket[]): CallbackCandidate[] {
  const hubById = new Map(hub.map((t) => [t.id, t]));
  const localIds = new Set(local.map((t) => t.id));
  const fromDesk = local
    .filter((t) => t.state === 'answered' || t.state === 'replied' || (hubById.get(t.id)?.state === 'replied' && t.state !== 'called_back' && t.state !== 'closed'))
    .map((t) => ({
      id: t.id,
      number: hubById.get(t.id)?.number ?? null,
      description: t.registration.description,
      contact: { callerNumber: t.registration.callerNumber, confidential: t.registration.confidential, author: t.author, contactMasked: false },
      attempts: t.callbackAttempts ?? [],
    }));
  // Replies to older tickets than the desk's recent list reaches.
  const olderReplies = hub
    .filter((t) => t.state === 'replied' && !localIds.has(t.id))
    .map((t) => ({
      id: t.id,
      number: t.number,
      description: t.registration.description,
      contact: { callerNumber: t.registration.callerNumber, confidential: t.registration.confidential, author: t.author, contactMasked: t.contactMasked },
      attempts: [],
    }));
  return [...fromDesk, ...olderReplies];
}

/** How a candidate reads in the picker: the start of the description, then the hub's number (or the end of the id). */
export function candidateLabel(candidate: CallbackCandidate): string {
  return `${candidate.description.slice(0, 24)} · ${candidate.number ?? candidate.id.slice(-6)}`;
}
