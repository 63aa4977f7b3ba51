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

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `shift.dayStart`. Empty for the root. */
  path: string;
  message: string;
}

export interface DeskError {
  code: DeskErrorCode;
  /** Technical detail for logs and support; the UI shows a localised text for `code`. */
  message: string;
  issues?: FieldIssue[];
  /** Structured facts for wording the error, e.g. the hub's reason code. */
  details?: DeskErrorDetails;
}

export interface DeskErrorDetails {
  /** A stable code saying why (the hub's error code for HUB_* errors). */
  reason?: string;
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
