import type { HubError } from '../../../shared/hub/errors';

/**
 * A hub refusal for the person at the console: its code and reason (stable, searchable in the API document), the
 * hub's English text, the fields refused and what it concerns, e.g.
 * `CONFLICT/SEAT_ALREADY_ENROLLED: seat A-017 already has a live enrolment; retire it first`.
 */
export function describeHubError(error: HubError): string {
  const issues = error.issues?.map((issue) => `${issue.path || '(body)'}: ${issue.message}`) ?? [];
  const refs = error.refs?.length ? [`refs: ${error.refs.join(', ')}`] : [];
  const wait = error.retryAfterS !== undefined ? [`retry after ${String(error.retryAfterS)} s`] : [];
  const more = [...issues, ...refs, ...wait];
  return `${error.error}${error.reason ? `/${error.reason}` : ''}: ${error.message}${more.length ? ` (${more.join('; ')})` : ''}`;
}
