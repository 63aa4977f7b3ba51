import type { ShiftSummary, ShiftWindow, UnfinishedTicket } from '../../../shared/shift-summary';

/** A call of the desk's call log, as far as the summary needs it. */
export interface SummaryCallRow {
  direction: 'inbound' | 'outbound';
  answeredAt: string | null;
  endedAt: string;
  outcome: string;
}

/** One change this desk made to a ticket (see the ticket_activity table). */
export interface SummaryActivityRow {
  kind: string;
  at: string;
}

export interface ShiftSummaryRows {
  operator: string;
  calls: readonly SummaryCallRow[];
  activity: readonly SummaryActivityRow[];
  outbox: ShiftSummary['outbox'];
  openDrafts: number;
  awaitingCallback: number;
  unfinishedCount: number;
  unfinished: readonly UnfinishedTicket[];
}

/**
 * The shift summary from the desk's rows: calls that ended and ticket changes
 * made inside the window. Times are compared as instants, so rows written
 * with another offset still fall on the right side of the window's edges.
 */
export function summariseShift(window: ShiftWindow, rows: ShiftSummaryRows): ShiftSummary {
  const inWindow = (iso: string): boolean => {
    const at = Date.parse(iso);
    return at >= window.from && at <= window.to;
  };
  const calls = rows.calls.filter((c) => inWindow(c.endedAt));
  const handled = calls.filter((c) => c.answeredAt !== null);
  const talkSeconds = handled.reduce((sum, c) => sum + Math.max(0, Math.round((Date.parse(c.endedAt) - Date.parse(c.answeredAt ?? c.endedAt)) / 1000)), 0);
  const activity = rows.activity.filter((a) => inWindow(a.at));
  const count = (...kinds: string[]): number => activity.filter((a) => kinds.includes(a.kind)).length;
  return {
    operator: rows.operator,
    team: window.shift.team,
    slot: window.shift.slot,
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    sinceSignIn: window.sinceSignIn,
    calls: {
      handled: handled.length,
      inbound: handled.filter((c) => c.direction === 'inbound').length,
      outbound: handled.filter((c) => c.direction === 'outbound').length,
      missed: calls.filter((c) => c.direction === 'inbound' && c.outcome === 'missed').length,
      talkSeconds,
      averageTalkSeconds: handled.length ? Math.round(talkSeconds / handled.length) : null,
    },
    tickets: {
      registered: count('ticket.register'),
      answered: count('ticket.answer'),
      transferred: count('ticket.transfer', 'ticket.transfer_for_review'),
      callbacks: count('ticket.callback'),
    },
    outbox: rows.outbox,
    openDrafts: rows.openDrafts,
    awaitingCallback: rows.awaitingCallback,
    unfinishedCount: rows.unfinishedCount,
    unfinished: [...rows.unfinished],
  };
}
