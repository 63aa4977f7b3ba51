import { hubErrorReasons } from './hub/error-codes';
import type { ValidationCode, ValidationParams } from './validation';

/**
 * Results cross every process boundary as data, never as thrown exceptions:
 * a renderer cannot catch a main-process stack trace in any useful way, and a
 * structured code lets the UI say what went wrong in the operator's language.
 */

export const deskErrorCodes = [
  /** The payload did not match the method's schema; nothing was changed. */
  'INVALID_INPUT',
  /** The call came from a frame or origin that is not the workbench. */
  'FORBIDDEN_SENDER',
  /** No such method in the contract (an older or newer peer). */
  'UNKNOWN_METHOD',
  /** This host cannot do that (e.g. detaching a window in the browser host). */
  'UNSUPPORTED',
  /** No answer within the method's time limit; the call may still complete. */
  'TIMEOUT',
  /** The transport to the local services is down. */
  'DISCONNECTED',
  /** The local store could not write (disk full, read-only, damaged file). */
  'STORAGE',
  'NOT_FOUND',
  'CONFLICT',
  /** A bug: logged with its stack on the services side. */
  'INTERNAL',
  /** The hub: no session (not signed in, signed out, token expired or refused), or wrong account or password. */
  'HUB_UNAUTHENTICATED',
  /** The hub: this account's role may not do that (the hub's reason code in `details.reason`). */
  'HUB_FORBIDDEN',
  /** The hub: no hub address is set on this desk. */
  'HUB_NOT_CONFIGURED',
  /** The hub: no answer (network down, time-out). */
  'HUB_UNREACHABLE',
  /** The hub answered and refused, with its reason code in `details.reason` (e.g. SEQ_GAP, DESK_NOT_ENROLLED, TOO_MANY_ATTEMPTS). */
  'HUB_REFUSED',
] as const;

export type DeskErrorCode = (typeof deskErrorCodes)[number];

/**
 * Why, finer than the code, where the operator is told something different:
 * the hub's reasons and codes that have their own wording, and what went wrong
 * on the way to the hub. The UI words each one in its language.
 */
export const deskErrorReasons = [
  ...hubErrorReasons,
  /** The hub expected another outbox sequence number than the desk sent. */
  'SEQ_GAP',
  /** The desk is not enrolled at this hub (or its enrolment was retired). */
  'DESK_NOT_ENROLLED',
  /** Too many attempts; `retryAfterS` says how long to wait when the hub said so. */
  'THROTTLED',
  /** The request was larger than the hub reads. */
  'BODY_TOO_LARGE',
  /** The hub failed inside (5xx). */
  'HUB_INTERNAL',
  /** The hub did not answer within the time limit. */
  'HUB_TIMEOUT',
  /** No connection to the hub (refused, no route, name not found). */
  'HUB_NETWORK',
  /** The hub's answer was not the protocol's (versions differ?). */
  'HUB_BAD_RESPONSE',
  /** The hub's answer was larger than the desk reads. */
  'HUB_RESPONSE_TOO_LARGE',
  /** The hub acknowledged none of a push. */
  'HUB_NO_PROGRESS',
  /** The hub's sync cursor went back (its database restored?). */
  'HUB_CURSOR_BACKWARDS',
] as const;
export type DeskErrorReason = (typeof deskErrorReasons)[number];

export function isDeskErrorReason(value: unknown): value is DeskErrorReason {
  return typeof value === 'string' && (deskErrorReasons as readonly string[]).includes(value);
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `shift.dayStart`. Empty for the root. */
  path: string;
  /** Technical detail for logs (or a schema's own code); the UI words `code` instead. */
  message: string;
  /** Why the field was refused, for the UI to word in its language (absent: only "not valid"). */
  code?: ValidationCode;
  /** Facts for the wording, e.g. `{ max: 40 }`. */
  params?: ValidationParams;
}

export interface DeskError {
  code: DeskErrorCode;
  /** Technical detail for logs and support, in English; the UI shows a localised text for `code` and `details`. */
  message: string;
  issues?: FieldIssue[];
  /** Structured facts for wording the error, e.g. the hub's reason code. */
  details?: DeskErrorDetails;
}

export interface DeskErrorDetails {
  /** A stable code saying why (for HUB_* errors: the hub's reason, or what failed on the way). */
  reason?: DeskErrorReason;
  /** Seconds until another try is heard (THROTTLED, SIGN_IN_LOCKED, ENROLMENT_LOCKED). */
  retryAfterS?: number;
  /** What the hub's refusal is about: a ticket id or number, an account, a department, a seat (see HubErrorReason). */
  subject?: string;
  /** Records in the way or missing, by id (DEPARTMENT_IN_USE, UNKNOWN_DEPARTMENTS). */
  refs?: string[];
  /** The limit that was passed (RANGE_TOO_LONG: the most days). */
  limit?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: DeskErrorCode, message: string, issues?: FieldIssue[], details?: DeskErrorDetails): Result<never> => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}), ...(details ? { details } : {}) },
});

/** Thrown inside handlers to return a specific error code instead of INTERNAL. */
export class DeskFailure extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: DeskErrorDetails,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
