/**
 * Every 4xx/5xx answer of the hub: a stable code (and a reason code where one code covers several cases),
 * structured details (ids, limits, the wait, field issues with their own codes), and a short English
 * `message` for logs and people reading the API. The hub never words a refusal for an operator: a client
 * words the code, reason and details in its own language.
 */
export const hubErrorCodes = [
  'INVALID_INPUT',
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SEQ_GAP',
  /** A desk id was named that is not enrolled (or was retired): redeem an enrolment code first. */
  'DESK_NOT_ENROLLED',
  /** Too many attempts from this address or for this account; `retryAfterS` says how long to wait. */
  'THROTTLED',
  'INTERNAL',
] as const;
export type HubErrorCode = (typeof hubErrorCodes)[number];

/**
 * Why the hub refused, finer than its code, where a client words the answers differently: a wrong password
 * and an expired session are both UNAUTHENTICATED, but the operator is told different things. The details a
 * reason comes with are named beside it.
 */
export const hubErrorReasons = [
  // Signing in and sessions (UNAUTHENTICATED, FORBIDDEN, THROTTLED)
  /** Sign-in: wrong account or password (also a disabled account, or an operator's password used away from a desk). */
  'BAD_CREDENTIALS',
  /** Sign-in: this account's role does not work at a desk (a department's account). */
  'NOT_A_DESK_ROLE',
  /** Sign-in: too many failed attempts; `retryAfterS` says how long to wait. */
  'SIGN_IN_LOCKED',
  /** No token sent. */
  'NOT_SIGNED_IN',
  /** The live feed: a token was put in the address, where proxies and logs would keep it. */
  'TOKEN_IN_URL',
  /** The token has run out or was ended (signed out elsewhere). */
  'SESSION_EXPIRED',
  /** The account was disabled while signed in. */
  'ACCOUNT_DISABLED',
  /** The session has lasted a whole shift (12 hours). */
  'SHIFT_OVER',
  /** The desk's enrolment was retired while signed in. */
  'DESK_RETIRED',
  /** The role may not use this route. */
  'ROLE_NOT_ALLOWED',
  /** The enrolment code is wrong, used or expired. */
  'ENROLMENT_CODE_REFUSED',
  /** Too many wrong enrolment codes; `retryAfterS` says how long to wait. */
  'ENROLMENT_LOCKED',
  // Who may see or do what (FORBIDDEN)
  /** A trainee asked for another trainee's placement record. */
  'PLACEMENT_NOT_OWN',
  /** A confidential ticket this account may not see; `subject` is the ticket asked for. */
  'CONFIDENTIAL_TICKET',
  /** A department acted on a ticket transferred to another department. */
  'NOT_DEPARTMENTS_TICKET',
  /** Only a desk's session may do this (report its state, pull its changes). */
  'DESK_SESSION_REQUIRED',
  /** The session belongs to another desk than the queue it pushed. */
  'OTHER_DESKS_QUEUE',
  // Nothing by that name (NOT_FOUND); `subject` names what was asked for
  'TICKET_NOT_FOUND',
  'ACCOUNT_NOT_FOUND',
  'DEPARTMENT_NOT_FOUND',
  'DUTY_NOT_FOUND',
  'DIRECTORY_ENTRY_NOT_FOUND',
  'ARTICLE_NOT_FOUND',
  'ENROLMENT_NOT_FOUND',
  /** No route at this method and path. */
  'ROUTE_NOT_FOUND',
  // Input the schema alone does not catch (INVALID_INPUT)
  /** The first day comes after the last. */
  'DATE_RANGE_REVERSED',
  /** More days than one request may ask for; `limit` is the most. */
  'RANGE_TOO_LONG',
  /** The id in the path and the id in the body differ; `subject` is the path's. */
  'ID_MISMATCH',
  /** Departments named that do not exist; `refs` lists them. */
  'UNKNOWN_DEPARTMENTS',
  /** A department's account must name its department. */
  'DEPARTMENT_REQUIRED',
  /** Text the database cannot hold (NUL, a lone surrogate); `issues` names the field. */
  'UNSAFE_TEXT',
  /** Only application/json is read. */
  'UNSUPPORTED_MEDIA_TYPE',
  // Refused by what is already there (CONFLICT)
  /** `subject` is the seat that already has a live enrolment. */
  'SEAT_ALREADY_ENROLLED',
  /** `subject` is the enrolment id that was retired before. */
  'ENROLMENT_RETIRED',
  /** The alert `subject` does not exist or was acknowledged already. */
  'ALERT_GONE',
  /** The ticket's state (`state`) does not allow this change. */
  'TICKET_WRONG_STATE',
  /** The ticket is not waiting for a supervisor's review. */
  'NOT_IN_REVIEW',
  /** Duties or accounts still name the department; `refs` lists them. */
  'DEPARTMENT_IN_USE',
  /** The transfer directory still has lines of the department; `refs` lists them. */
  'DEPARTMENT_HAS_LINES',
  /** `subject` is the account name already taken. */
  'ACCOUNT_EXISTS',
] as const;
export type HubErrorReason = (typeof hubErrorReasons)[number];

/**
 * Why the hub refused one entry of a pushed queue (answered `rejected` beside the others, which go on). The
 * answer's `message` is English for logs; the facts a client words it with come beside it (PushRejectDetails):
 * - `INVALID_ENTRY` a field is missing, of the wrong type or out of bounds (`issues` names it, with its code);
 * - `UNKNOWN_FIELD` a field the protocol does not have; `UNSAFE_TEXT` text the database cannot hold
 *   (a NUL character, a lone surrogate); `TOO_DEEP` nesting beyond any real entry (`limit`) — `issues` names where;
 * - `UNKNOWN_AUTHOR` the author (`subject`) has not signed in at this desk;
 * - `NOT_FOUND` no such ticket (`subject`); `ID_TAKEN` the id or operation id (`subject`) is used by other work;
 * - `NOT_OWNER` the ticket (`subject`) belongs to another desk, or is confidential, and the session may not act on it;
 * - `WRONG_STATE` the ticket's current state (`state`) does not allow this change;
 * - `REVIEW_REQUIRED` a trainee's ticket is transferred only after a supervisor's review.
 */
export const pushRejectReasons = [
  'INVALID_ENTRY',
  'UNKNOWN_FIELD',
  'UNSAFE_TEXT',
  'TOO_DEEP',
  'UNKNOWN_AUTHOR',
  'NOT_FOUND',
  'ID_TAKEN',
  'NOT_OWNER',
  'WRONG_STATE',
  'REVIEW_REQUIRED',
] as const;
export type PushRejectReason = (typeof pushRejectReasons)[number];

export function isPushRejectReason(value: unknown): value is PushRejectReason {
  return typeof value === 'string' && (pushRejectReasons as readonly string[]).includes(value);
}
