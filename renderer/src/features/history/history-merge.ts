import type { HubCallerHistory, HubTicket } from '../../../../shared/hub/hub-ticket';
import type { CallerHistory } from '../../../../shared/tickets/caller-history';
import { REPEAT_WINDOW_DAYS } from '../../../../shared/tickets/caller-history';
import type { TicketState } from '../../../../shared/tickets/ticket';
import type { TicketRecord } from '../../../../shared/tickets/ticket-record';

/** One earlier ticket of the caller as the history panel lists it. */
export interface HistoryRow {
  id: string;
  createdAt: string;
  /** The hub's number (e.g. 20261122-000123), once the hub has the ticket. */
  number: string | null;
  /** The hub's state when the hub has the ticket (it knows of replies and callbacks made elsewhere), else this desk's. */
  state: TicketState;
  requestType: string;
  category: readonly [string, string];
  description: string;
  confidential: boolean;
  /** The hub hid the caller's name and number from this operator (保密): shown masked. */
  contactMasked: boolean;
  callerNumber: string;
  reply: HubTicket['reply'];
  /** Registered at this desk. */
  local: boolean;
  /** Known to the hub (from any desk). */
  fromHub: boolean;
}

function fromLocal(t: TicketRecord): HistoryRow {
  const reg = t.registration;
  return {
    id: t.id,
    createdAt: t.createdAt,
    number: null,
    state: t.state,
    requestType: reg.requestType,
    category: reg.category,
    description: reg.description,
    confidential: reg.confidential,
    contactMasked: false,
    callerNumber: reg.callerNumber,
    reply: null,
    local: true,
    fromHub: false,
  };
}

/**
 * This desk's tickets of the number and, when the hub answered, the hub's
 * tickets of it from every desk: one row per ticket id, newest first. For a
 * ticket both know, the hub's number, state and reply win; this desk's own
 * copy of the registration stays (the desk registered it, nothing to mask).
 */
export function mergeCallerHistory(local: readonly TicketRecord[], hub: readonly HubTicket[] | null): HistoryRow[] {
  const rows = new Map<string, HistoryRow>(local.map((t) => [t.id, fromLocal(t)]));
  for (const t of hub ?? []) {
    const mine = rows.get(t.id);
    const reg = t.registration;
    rows.set(t.id, {
      id: t.id,
      createdAt: mine?.createdAt ?? t.createdAt,
      number: t.number,
      state: t.state,
      requestType: reg.requestType,
      category: reg.category,
      description: mine?.description ?? reg.description,
      confidential: reg.confidential,
      contactMasked: mine ? false : t.contactMasked,
      callerNumber: mine?.callerNumber ?? reg.callerNumber,
      reply: t.reply,
      local: mine !== undefined,
      fromHub: true,
    });
  }
  return [...rows.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
}

export interface HistorySummary {
  /** This desk's tickets of the number in the last 30 days. */
  localRecent: number;
  /** Every desk's (the hub's and this desk's, once each); null when the hub was not asked or did not answer. */
  hubRecent: number | null;
  /** The hub's count of tickets about the chosen matter in the last 30 days; null without a matter or the hub. */
  sameMatter: number | null;
  /** Same number and matter within 30 days, here or at any desk. */
  repeatCaller: boolean;
}

export function summariseCallerHistory(
  local: Pick<CallerHistory, 'recentCount' | 'repeatCaller'>,
  hub: HubCallerHistory | null,
  rows: readonly HistoryRow[],
  now: Date,
  matterChosen: boolean,
  /** The ticket of this call: the services left it out of their counts, and so does this one. */
  excludeTicketId: string | null = null,
): HistorySummary {
  const since = now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000;
  return {
    localRecent: local.recentCount,
    hubRecent: hub ? rows.filter((r) => r.id !== excludeTicketId && Date.parse(r.createdAt) >= since).length : null,
    sameMatter: hub && matterChosen ? hub.sameMatterCount : null,
    repeatCaller: local.repeatCaller || (hub?.repeatCaller ?? false),
  };
}
