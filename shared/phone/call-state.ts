import { z } from 'zod';

// The call timer's format has no zod (the phone bar shows it from the first paint).
export { formatCallDuration } from './call-timer';

/**
 * One call as the desk sees it. `phase` is what the phone bar shows;
 * the sip.js session states map onto it in the renderer's engine.
 */
export const callPhases = [
  /** Incoming, not yet answered (the ring and the screen pop). */
  'ringing',
  /** Outgoing, INVITE sent, no answer yet. */
  'dialing',
  'active',
  /** Put on hold by this desk (re-INVITE sendonly). */
  'held',
  'ended',
] as const;
export type CallPhase = (typeof callPhases)[number];

export const callDirections = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof callDirections)[number];

export const callOutcomes = ['answered', 'missed', 'rejected', 'cancelled', 'failed', 'transferred'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** What leaves a finished call in the local store; `ticketId` links the ticket registered during it. */
export const callRecordSchema = z.object({
  callId: z.string().min(1).max(200),
  direction: z.enum(callDirections),
  remoteNumber: z.string().max(100),
  remoteName: z.string().max(100).optional(),
  startedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().optional(),
  endedAt: z.iso.datetime(),
  outcome: z.enum(callOutcomes),
  /** Who ended it, when known. */
  endedBy: z.enum(['local', 'remote']).optional(),
  transferTarget: z.string().max(200).optional(),
  ticketId: z.string().max(80).optional(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

export const storedCallRecordSchema = callRecordSchema.extend({ id: z.number().int() });
export type StoredCallRecord = z.infer<typeof storedCallRecordSchema>;

/** The outcome of a call that ended before anyone answered, by who ended it. */
export function unansweredOutcome(direction: CallDirection, endedBy: 'local' | 'remote' | 'error'): CallOutcome {
  if (endedBy === 'error') return 'failed';
  if (direction === 'inbound') return endedBy === 'local' ? 'rejected' : 'missed';
  return endedBy === 'local' ? 'cancelled' : 'failed';
}
