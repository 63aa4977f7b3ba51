import { z } from 'zod';
import { isoInstantSchema } from '../iso-instant';

/**
 * Supervisors' statistics (统计) over the tickets registered in a window
 * (`from` ≤ created_at < `to`, the registering desk's time): tickets per hour
 * by how they were handled, the most frequent matters, and the three rates
 * (三率) of each lead department. The desk picks the window (this shift,
 * today, the last 7 days) because it knows the centre's shift rotation.
 */

/** The longest window the hub counts in one request. */
export const STATS_MAX_WINDOW_DAYS = 31;
export const STATS_MAX_TOP = 50;

/**
 * How a ticket was handled, as it stands now:
 * - `answered` 直接答复: the centre answered it itself (an answer is recorded, also after a department returned it);
 * - `transferred` 转办: sent to a lead department and not answered by the centre;
 * - `review` 待审核: a trainee's ticket waiting for a supervisor's review;
 * - `open` 未处置: registered, neither answered nor transferred yet.
 */
export const ticketDispositions = ['answered', 'transferred', 'review', 'open'] as const;
export type TicketDisposition = (typeof ticketDispositions)[number];

const instant = isoInstantSchema;

const windowFields = {
  from: instant,
  to: instant,
};

function windowChecked(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const span = Date.parse(value.to) - Date.parse(value.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束时间须晚于开始时间' });
  else if (span > STATS_MAX_WINDOW_DAYS * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计时段最长 ${String(STATS_MAX_WINDOW_DAYS)} 天` });
}

/** The hub's query string: `GET /v1/stats/tickets?from=…&to=…&top=10`. */
export const ticketStatsQuerySchema = z
  .strictObject({ ...windowFields, top: z.coerce.number().int().min(1).max(STATS_MAX_TOP).default(10) })
  .superRefine(windowChecked);

/** The desk's request (DeskApi), the same fields as data. */
export const ticketStatsInputSchema = z.object({ ...windowFields, top: z.number().int().min(1).max(STATS_MAX_TOP).default(10) }).superRefine(windowChecked);
export type TicketStatsInput = z.input<typeof ticketStatsInputSchema>;

const count = z.number().int().min(0);

/** One hour of the window: its start (ISO instant, on the hour) and the tickets registered in it by disposition. */
export const hourlyTicketsSchema = z.object({
  hour: z.string(),
  answered: count,
  transferred: count,
  review: count,
  open: count,
});
export type HourlyTickets = z.infer<typeof hourlyTicketsSchema>;

export const matterCountSchema = z.object({ category: z.tuple([z.string(), z.string()]), count });
export type MatterCount = z.infer<typeof matterCountSchema>;

const rate = z.number().min(0).max(1).nullable();

/**
 * One lead department's three rates (三率) over the window's tickets whose
 * lead department it is and that the centre did not answer itself:
 * - `transferred`: those tickets;
 * - `responded`: of them, the ones the department signed for (签收) or replied to — now accepted, replied,
 *   called back or closed (a returned one, or one still waiting for its sign-off, is not);
 * - `calledBack`: of them, the ones whose reply was called back (回访), the callback still standing
 *   (called back or closed since);
 * - `solved`: callbacks in which the caller said the problem was solved;
 * - `satisfied` / `basicallySatisfied` / `dissatisfied`: the caller's verdict in those callbacks.
 *
 * 响应率 `responseRate` = responded ÷ transferred;
 * 解决率 `resolutionRate` = solved ÷ calledBack;
 * 满意率 `satisfactionRate` = (satisfied + basicallySatisfied) ÷ calledBack.
 * Each is a fraction between 0 and 1, or null when its denominator is 0.
 */
export const departmentRatesSchema = z.object({
  department: z.string(),
  /** The department's name from the responsibility list (its id when the list does not name it). */
  name: z.string(),
  transferred: count,
  responded: count,
  calledBack: count,
  solved: count,
  satisfied: count,
  basicallySatisfied: count,
  dissatisfied: count,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
});
export type DepartmentRates = z.infer<typeof departmentRatesSchema>;

/**
 * 催办 per department: the urges callers made in the window (by the hub's time of the urge, whenever the ticket
 * was registered) on tickets the department leads, and on how many tickets.
 */
export const departmentUrgesSchema = z.object({ department: z.string(), name: z.string(), urges: count, tickets: count });
export type DepartmentUrges = z.infer<typeof departmentUrgesSchema>;

export const ticketStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Tickets registered in the window. */
  total: count,
  /** Every hour that overlaps the window, oldest first, empty hours included. */
  hourly: z.array(hourlyTicketsSchema),
  /** The `top` most frequent two-level matters, most frequent first. */
  matters: z.array(matterCountSchema),
  /** The `top` lead departments with the most transferred tickets, most first. */
  departments: z.array(departmentRatesSchema),
  /** How many departments had tickets in the window (more than `departments` lists when over `top`). */
  departmentCount: count,
  /** The `top` departments with the most urges in the window, most first (older hubs: none). */
  urges: z.array(departmentUrgesSchema).default([]),
});
export type TicketStats = z.infer<typeof ticketStatsSchema>;

/** A fraction, or null when nothing was counted. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
