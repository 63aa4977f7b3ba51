import { z } from 'zod';
import type { HubTicket } from '../hub/hub-ticket';
import { REPEAT_WINDOW_DAYS } from './caller-history';
import type { TicketState } from './ticket';
import { phoneLineSchema, ticketIdSchema, ticketStates } from './ticket';
import type { TicketRecord } from './ticket-record';

/**
 * The caller's earlier tickets as the screen pop shows them while the call
 * still rings: every desk's from the hub when it answers within the ring
 * budget, else the hub's last answer kept on this desk (with its age), always
 * with this desk's own tickets and its copy of them as the hub last sent them.
 */
export const ringHistoryInputSchema = z.object({ number: phoneLineSchema });
export type RingHistoryInput = z.infer<typeof ringHistoryInputSchema>;

/** The hub gets this long to answer on the ring before the desk answers from what it keeps. */
export const RING_HUB_BUDGET_MS = 300;

/** States in which nothing more is expected of the centre (the matter was answered, called back or closed). */
const settledStates: readonly TicketState[] = ['answered', 'called_back', 'closed'];
export const isOpenState = (state: TicketState): boolean => !settledStates.includes(state);

export const ringHistoryRowSchema = z.object({
  id: ticketIdSchema,
  /** The hub's number (e.g. 20261122-000123); null while only this desk has the ticket. */
  number: z.string().nullable(),
  createdAt: z.string(),
  state: z.enum(ticketStates),
  open: z.boolean(),
  /** Lead department's id, once transferred. */
  department: z.string().nullable(),
  requestType: z.string(),
  category: z.tuple([z.string(), z.string()]),
  /** The start of the description (the row is a reminder, the ticket has the rest). */
  summary: z.string(),
  confidential: z.boolean(),
  /** The hub hid the caller's name and number from this operator (保密). */
  contactMasked: z.boolean(),
  /** Registered as an unreasonable request (不合理诉求) before. */
  unreasonable: z.boolean(),
  /** The department replied and the caller has not been called back yet (答复待回访). */
  replyWaiting: z.boolean(),
  reply: z.object({ department: z.string(), solved: z.boolean(), text: z.string() }).nullable(),
  returnReason: z.string().nullable(),
  urgeCount: z.number().int(),
  /** This caller's tickets about the same matter in the last 30 days, this one included. */
  sameMatter30d: z.number().int(),
  /** Registered at this desk. */
  local: z.boolean(),
});
export type RingHistoryRow = z.infer<typeof ringHistoryRowSchema>;

/** Where the hub's part of the answer came from. */
export const ringHistorySources = ['hub', 'cache', 'desk'] as const;
export type RingHistorySource = (typeof ringHistorySources)[number];
/** Why the hub did not answer now. */
export const ringHubProblems = ['signed_out', 'unreachable', 'slow'] as const;

export const ringHistorySchema = z.object({
  rows: z.array(ringHistoryRowSchema),
  /** The caller's tickets in the last 30 days. */
  recentCount: z.number().int(),
  /** Same number and same matter twice or more in 30 days. */
  repeatCaller: z.boolean(),
  /** hub: answered now; cache: the hub's earlier answer kept on this desk; desk: only what this desk has. */
  source: z.enum(ringHistorySources),
  /** When what is shown was last heard from the hub (cache: the kept answer; desk: the last sync), null when never. */
  asOf: z.string().nullable(),
  hubProblem: z.enum(ringHubProblems).nullable(),
});
export type RingHistory = z.infer<typeof ringHistorySchema>;

const SUMMARY_CHARS = 80;

function fromLocal(t: TicketRecord): RingHistoryRow {
  const reg = t.registration;
  return {
    id: t.id,
    number: null,
    createdAt: t.createdAt,
    state: t.state,
    open: isOpenState(t.state),
    department: t.transfer?.lead ?? null,
    requestType: reg.requestType,
    category: [reg.category[0], reg.category[1]],
    summary: reg.description.slice(0, SUMMARY_CHARS),
    confidential: reg.confidential,
    contactMasked: false,
    unreasonable: reg.unreasonableReason !== null,
    replyWaiting: false,
    reply: null,
    returnReason: null,
    urgeCount: 0,
    sameMatter30d: 0,
    local: true,
  };
}

function fromHub(t: HubTicket, mine: RingHistoryRow | undefined): RingHistoryRow {
  const reg = t.registration;
  return {
    id: t.id,
    number: t.number,
    createdAt: mine?.createdAt ?? t.createdAt,
    state: t.state,
    open: isOpenState(t.state),
    department: t.transfer?.lead ?? mine?.department ?? null,
    requestType: reg.requestType,
    category: [reg.category[0], reg.category[1]],
    // This desk registered it: its own copy, never masked.
    summary: mine?.summary ?? reg.description.slice(0, SUMMARY_CHARS),
    confidential: reg.confidential,
    contactMasked: mine ? false : t.contactMasked,
    unreasonable: reg.unreasonableReason !== null,
    replyWaiting: t.state === 'replied',
    reply: t.reply ? { department: t.reply.department, solved: t.reply.solved, text: t.reply.text } : null,
    returnReason: t.returnReason,
    urgeCount: t.urgeCount,
    sameMatter30d: 0,
    local: mine !== undefined,
  };
}

/**
 * One row per ticket: this desk's own, then the hub's copies (older copies
 * first, so the newest `version` of a ticket wins). Open tickets first, then
 * newest first; each row counts the caller's tickets about its matter in the
 * last 30 days.
 */
export function ringHistory(
  local: readonly TicketRecord[],
  hubCopies: readonly (readonly HubTicket[])[],
  now: Date,
): Pick<RingHistory, 'rows' | 'recentCount' | 'repeatCaller'> {
  const rows = new Map<string, RingHistoryRow>(local.map((t) => [t.id, fromLocal(t)]));
  const versions = new Map<string, number>();
  for (const t of hubCopies.flat()) {
    if ((versions.get(t.id) ?? -1) > t.version) continue;
    versions.set(t.id, t.version);
    const mine = rows.get(t.id);
    rows.set(t.id, fromHub(t, mine?.local ? mine : undefined));
  }
  const since = now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000;
  const recent = [...rows.values()].filter((r) => Date.parse(r.createdAt) >= since);
  const matterCount = new Map<string, number>();
  for (const r of recent) matterCount.set(r.category.join('\u0000'), (matterCount.get(r.category.join('\u0000')) ?? 0) + 1);
  const listed = [...rows.values()]
    .map((r) => ({ ...r, sameMatter30d: Date.parse(r.createdAt) >= since ? (matterCount.get(r.category.join('\u0000')) ?? 0) : 0 }))
    .sort((a, b) => Number(b.open) - Number(a.open) || Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
  return { rows: listed, recentCount: recent.length, repeatCaller: [...matterCount.values()].some((n) => n >= 2) };
}
