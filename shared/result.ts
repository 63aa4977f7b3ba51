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
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: DeskErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown inside handlers to return a specific error code instead of INTERNAL. */
export class DeskFailure extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
