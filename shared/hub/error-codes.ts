/**
 * Every 4xx/5xx answer of the hub: a stable code (and a reason code where one code covers several cases),
 * a message in Chinese for people reading the hub's answers directly, and field issues when the input was wrong.
 * Clients word the code and reason in their own language; the message is for logs.
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
  /** Too many attempts from this address or for this account; the message says how long to wait. */
  'THROTTLED',
  'INTERNAL',
] as const;
export type HubErrorCode = (typeof hubErrorCodes)[number];

/**
 * Why the hub refused, finer than its code, where a client words the answers differently: a wrong password
 * and an expired session are both UNAUTHENTICATED, but the operator is told different things.
 */
export const hubErrorReasons = [
  /** Sign-in: wrong account or password (also a disabled account, or an operator's password used away from a desk). */
  'BAD_CREDENTIALS',
  /** Sign-in: this account's role does not work at a desk (a department's account). */
  'NOT_A_DESK_ROLE',
  /** Sign-in: too many failed attempts; `retryAfterS` says how long to wait. */
  'SIGN_IN_LOCKED',
  /** No token sent. */
  'NOT_SIGNED_IN',
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
] as const;
export type HubErrorReason = (typeof hubErrorReasons)[number];
