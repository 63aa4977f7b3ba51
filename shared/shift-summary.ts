import { z } from 'zod';
import type { CurrentShift, ShiftRotation } from './shifts';
import { currentShift } from './shifts';

/**
 * The outgoing operator's shift summary (班次小结): what this desk did since
 * they signed in, and what is left for the next shift. Computed by the desk's
 * services from its own database, so it is right while the hub is down.
 */

export const shiftSummaryInputSchema = z.object({
  /** The workbench's own offset from UTC in minutes (+480 in China), so the shift matches the status bar's. */
  utcOffsetMinutes: z.number().int().min(-840).max(840),
});

/** A ticket of this desk that the next shift must pick up (see `unfinished`). */
export const unfinishedTicketSchema = z.object({
  id: z.string(),
  /** The hub's number once the ticket reached it; null until then. */
  number: z.string().nullable(),
  registeredAt: z.string(),
  requestType: z.string(),
  category: z.array(z.string()),
  /** `open`: neither transferred nor answered yet; `review_returned`: a supervisor returned a trainee's ticket. */
  reason: z.enum(['open', 'review_returned']),
});
export type UnfinishedTicket = z.infer<typeof unfinishedTicketSchema>;

/** How many unfinished tickets the summary lists (oldest first); `unfinishedCount` counts them all. */
export const UNFINISHED_LISTED = 50;

export const shiftSummarySchema = z.object({
  /** The signed-in account, or the seat (`seat:A-017`) when nobody is. */
  operator: z.string(),
  team: z.string(),
  slot: z.enum(['day', 'night']),
  /** The summary's window: from the sign-in (or the slot's start without one) to now; ISO instants. */
  from: z.string(),
  to: z.string(),
  /** Whether `from` is the operator's sign-in (else the slot's start). */
  sinceSignIn: z.boolean(),
  calls: z.object({
    /** Answered calls (inbound and outbound) that ended in the window. */
    handled: z.number().int().min(0),
    inbound: z.number().int().min(0),
    outbound: z.number().int().min(0),
    /** Inbound calls that rang and were never answered here. */
    missed: z.number().int().min(0),
    talkSeconds: z.number().int().min(0),
    /** Rounded to the second; null without a handled call. */
    averageTalkSeconds: z.number().int().min(0).nullable(),
  }),
  tickets: z.object({
    registered: z.number().int().min(0),
    /** 直接答复. */
    answered: z.number().int().min(0),
    /** 转办, including a trainee's transfer sent to the review queue. */
    transferred: z.number().int().min(0),
    callbacks: z.number().int().min(0),
  }),
  /** The desk's queue now: entries not yet at the hub (they stay and go out under the next session), and refused ones. */
  outbox: z.object({ pending: z.number().int().min(0), oldestPendingAt: z.string().nullable(), needsAttention: z.number().int().min(0) }),
  /** Unfinished registration forms kept for this operator on this desk. */
  openDrafts: z.number().int().min(0),
  /** Department replies that came back to this desk and still wait for a callback (待回访). */
  awaitingCallback: z.number().int().min(0),
  /**
   * Every ticket registered at this desk, in any shift, that is still waiting for the desk: neither transferred
   * nor answered (nor sent to a supervisor's review), or returned by that review. Oldest first.
   */
  unfinishedCount: z.number().int().min(0),
  unfinished: z.array(unfinishedTicketSchema).max(UNFINISHED_LISTED),
});
export type ShiftSummary = z.infer<typeof shiftSummarySchema>;

/** Signing in this long before a slot starts counts for that slot (operators arrive early for the handover). */
export const EARLY_SIGN_IN_MS = 60 * 60_000;

export interface ShiftWindow {
  shift: CurrentShift;
  from: number;
  to: number;
  sinceSignIn: boolean;
}

/**
 * The window a shift summary covers. With a sign-in: from the sign-in, in the
 * slot it was made for (a night operator signing out after 08:00 is still
 * summarised for the night); a sign-in older than that slot by more than a
 * whole slot (left signed in through the next shift) falls back to the slot in
 * force now. Without one: from the start of the slot in force now.
 */
export function shiftWindow(rotation: ShiftRotation, now: number, signedInAt: number | null, utcOffsetMinutes = 480): ShiftWindow {
  const onDuty = currentShift(rotation, now, utcOffsetMinutes);
  if (signedInAt === null || signedInAt > now) return { shift: onDuty, from: onDuty.startsAt, to: now, sinceSignIn: false };
  const signedInFor = currentShift(rotation, signedInAt + EARLY_SIGN_IN_MS, utcOffsetMinutes);
  if (now - signedInFor.endsAt > signedInFor.endsAt - signedInFor.startsAt) return { shift: onDuty, from: onDuty.startsAt, to: now, sinceSignIn: false };
  return { shift: signedInFor, from: signedInAt, to: now, sinceSignIn: true };
}
