import { z } from 'zod';
import type { AgentState } from './agent-state';
import type { JoinCodes, JoinMode } from './phone-settings';
import { joinDialString, joinModes } from './phone-settings';
import type { RegistrationStatus } from './registration-status';

/**
 * A supervisor joins a seat's call (listen, whisper, barge) from the seat
 * board, which has no phone of its own: the board asks the desk's services,
 * they pass the request to the workbench that holds the phone, and its phone
 * dials the PBX's feature code followed by the seat's extension. The rules
 * deciding when that is refused live here, so the board, the services and the
 * phone refuse for the same reasons.
 */

export const seatExtensionSchema = z.string().regex(/^[0-9A-Za-z._-]{1,40}$/);

export const joinSeatCallInputSchema = z.strictObject({
  mode: z.enum(joinModes),
  extension: seatExtensionSchema,
  /** Whose call, for the desk's log. */
  deskId: z.string().min(1).max(80),
});
export type JoinSeatCallInput = z.infer<typeof joinSeatCallInputSchema>;

/** Why a join did not start; the board says each in the supervisor's language (`board.join.refused.*`). */
export const joinRefusals = [
  /** Only supervisors and admins may join a call. */
  'not_supervisor',
  /** The seat reported no extension, so there is nothing to dial. */
  'no_extension',
  'not_on_call',
  /** The seat is this desk's own. */
  'own_seat',
  /** No workbench of this desk answered: it is closed, or its phone tab is gone. */
  'no_phone',
  'not_registered',
  /** The supervisor's phone already has a call. */
  'busy',
  'dial_failed',
] as const;
export type JoinRefusal = (typeof joinRefusals)[number];

export const joinOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('dialling'), dialString: z.string().max(60) }),
  z.strictObject({ status: z.literal('refused'), reason: z.enum(joinRefusals) }),
]);
export type JoinOutcome = z.infer<typeof joinOutcomeSchema>;

/** What the services push to the workbench: the board's request with an id to answer under. */
export const joinRequestSchema = joinSeatCallInputSchema.extend({ requestId: z.uuid() });
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const joinAnswerSchema = z.strictObject({ requestId: z.uuid(), outcome: joinOutcomeSchema });

export const refused = (reason: JoinRefusal): JoinOutcome => ({ status: 'refused', reason });

/** Joining is a supervisor's act: the hub account signed in on this desk decides. */
export function joinRoleRefusal(role: string | null | undefined): JoinRefusal | null {
  return role === 'supervisor' || role === 'admin' ? null : 'not_supervisor';
}

/** The board's check before it asks: the seat must be on a call and have an extension to dial. */
export function seatJoinRefusal(seat: { state: AgentState; extension?: string | null }): JoinRefusal | null {
  if (!seat.extension || !seatExtensionSchema.safeParse(seat.extension).success) return 'no_extension';
  if (seat.state !== 'on_call') return 'not_on_call';
  return null;
}

export interface PhoneForJoin {
  registration: RegistrationStatus;
  /** Calls the phone has now, ringing ones included. */
  liveCalls: number;
  /** The supervisor's own extension. */
  extension: string;
}

/** The phone's check before it dials: registered, free, and not asked to join its own seat. */
export function phoneJoinRefusal(phone: PhoneForJoin, seatExtension: string): JoinRefusal | null {
  if (phone.registration !== 'registered') return 'not_registered';
  if (phone.liveCalls > 0) return 'busy';
  if (phone.extension !== '' && phone.extension === seatExtension) return 'own_seat';
  return null;
}

/**
 * The SIP target of a join: `sip:<code><extension>@<domain>`, with `#` (a
 * common feature-code character, reserved in a URI) escaped in the URI while
 * the dial string keeps it as dialled.
 */
export function joinTarget(codes: JoinCodes, mode: JoinMode, extension: string, domain: string): { uri: string; dialString: string } {
  const dialString = joinDialString(codes, mode, extension);
  return { uri: `sip:${dialString.replaceAll('#', '%23')}@${domain}`, dialString };
}
