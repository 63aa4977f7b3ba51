/**
 * The registration state as the operator reads it. There is deliberately no
 * "connected but unknown" state: until a REGISTER was answered 200 in this
 * connection, the desk does not claim to be reachable.
 */
export const registrationStatuses = [
  /** No account yet. */
  'unconfigured',
  /** Another tab or window of this desk holds the phone; this one stands by. */
  'standby',
  /** First connection / REGISTER in flight. */
  'registering',
  'registered',
  /** Transport lost or keep-alive failed; backing off and trying again. */
  'reconnecting',
  /** Rejected (wrong password, unknown extension) or unreachable after several attempts. */
  'failed',
  /** The operator signed the phone off. */
  'stopped',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** Why the last attempt failed, for the status text and the self-check. */
export const registrationFailures = ['auth', 'forbidden', 'not_found', 'unreachable', 'timeout', 'server_error', 'bad_settings'] as const;
export type RegistrationFailure = (typeof registrationFailures)[number];

/** Maps a final REGISTER response code to a failure reason; `null` means success. */
export function registerResponseFailure(statusCode: number): RegistrationFailure | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  if (statusCode === 401 || statusCode === 407) return 'auth';
  if (statusCode === 403) return 'forbidden';
  if (statusCode === 404) return 'not_found';
  if (statusCode === 408) return 'timeout';
  return 'server_error';
}

/** Failures the desk cannot fix by retrying: it keeps the 注册失败 status until the settings change. */
export function isPermanentFailure(failure: RegistrationFailure): boolean {
  return failure === 'auth' || failure === 'forbidden' || failure === 'not_found' || failure === 'bad_settings';
}
