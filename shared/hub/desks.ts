import { z } from 'zod';
import type { ValidationCode } from '../validation';
import { deskIdSchema } from './auth';

/**
 * Enrolled desks (座席登记). An admin enrols a desk by its seat (座席号),
 * team and extension and hands its operator a one-time code; the desk
 * redeems the code once, binding the enrolment to its own desk id, and gets
 * a credential of its own that it keeps sealed (like the SIP password). Only
 * an enrolled desk's sign-in acts for a desk: push, pull and presence.
 */

export const seatNameSchema = z.string().trim().regex(/^[\p{L}\p{N}_.-]{1,20}$/u, '座席号只能包含字母、数字和 _ . -，最多 20 位');

/** Twelve characters of Crockford base32, shown in groups of four; case, spaces and dashes do not matter. */
export const enrolmentCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'ENROLMENT_CODE_FORMAT' satisfies ValidationCode));

export const enrolDeskInputSchema = z.strictObject({
  seat: seatNameSchema,
  team: z.string().trim().min(1).max(40).nullable().default(null),
  /** The seat's SIP extension, shown on the board and used when a supervisor joins its call. */
  extension: z.string().regex(/^[0-9A-Za-z._-]{1,40}$/).nullable().default(null),
  /** How long the code may be redeemed (default a day). */
  expiresInHours: z.number().int().min(1).max(168).default(24),
});
export type EnrolDeskInput = z.input<typeof enrolDeskInputSchema>;

export const deskEnrolmentStates = ['waiting', 'expired', 'enrolled', 'retired'] as const;

export const deskEnrolmentSchema = z.object({
  id: z.number().int(),
  seat: z.string(),
  team: z.string().nullable(),
  extension: z.string().nullable(),
  state: z.enum(deskEnrolmentStates),
  /** Bound when the code is redeemed. */
  deskId: z.string().nullable(),
  enrolledBy: z.string(),
  enrolledAt: z.string(),
  codeExpiresAt: z.string().nullable(),
  redeemedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  /** Accounts that have signed in at this desk, most recent first. */
  accounts: z.array(z.string()),
});
export type DeskEnrolment = z.infer<typeof deskEnrolmentSchema>;

export const enrolledDeskSchema = z.object({
  enrolment: deskEnrolmentSchema,
  /** Shown once: only its hash is kept. */
  code: z.string(),
  codeExpiresInS: z.number().int(),
});
export type EnrolledDesk = z.infer<typeof enrolledDeskSchema>;

export const redeemInputSchema = z.strictObject({ code: enrolmentCodeSchema, deskId: deskIdSchema });

export const deskCredentialSchema = z.object({
  deskId: deskIdSchema,
  /** The desk's secret: sent with every sign-in from this desk; the hub keeps only its hash. */
  credential: z.string(),
  seat: z.string(),
  team: z.string().nullable(),
  extension: z.string().nullable(),
});
export type DeskCredential = z.infer<typeof deskCredentialSchema>;
