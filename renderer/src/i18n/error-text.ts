import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isPushRejectReason } from '../../../shared/hub/error-codes';
import type { DeskError, FieldIssue } from '../../../shared/result';
import type { RejectedOutboxEntry } from '../../../shared/sync/status';
import { isValidationCode, validationOf } from '../../../shared/validation';
import { errorCodeKeys, errorReasonKeys, pushRejectKeys, validationKeys } from './error-keys';
import { ticketStateKeys } from './history/keys';

/**
 * The one place an error becomes words, in the UI's language: errors cross
 * every layer as codes (DeskErrorCode, a reason, validation codes with their
 * limits), never as sentences, so nothing here looks at `message`.
 */

const minutes = (seconds: number | undefined): number => Math.max(1, Math.ceil((seconds ?? 60) / 60));

/**
 * A DeskApi error: its reason's wording if it has one (with the facts it came with: the wait, what it is about,
 * the ids in the way, the limit), else its code's; then the fields it concerns, each with its own wording when
 * it carries a validation code (the hub's field issues do).
 */
export function deskErrorText(t: TFunction, error: Pick<DeskError, 'code' | 'details' | 'issues'>): string {
  const details = error.details ?? {};
  const facts = {
    minutes: minutes(details.retryAfterS),
    subject: details.subject ?? '',
    refs: (details.refs ?? []).join(t('errors:listSeparator')),
    limit: details.limit ?? '',
  };
  const text = details.reason ? t(errorReasonKeys[details.reason], facts) : t(errorCodeKeys[error.code]);
  return withFields(t, text, error.issues);
}

/**
 * Why the hub refused a queued entry for good, in the UI's language: its reason code worded with the facts it came
 * with (the entry's own ticket or author where the hub named none), then the fields it concerns. A row kept from
 * before the codes holds the hub's Chinese sentence instead of a code: that text is shown as it is.
 */
export function rejectedEntryText(t: TFunction, entry: Pick<RejectedOutboxEntry, 'reason' | 'details' | 'author' | 'ticketId'>): string {
  if (!isPushRejectReason(entry.reason)) return entry.reason;
  const details = entry.details ?? {};
  const state = details.state;
  const facts = {
    subject: details.subject ?? (entry.reason === 'UNKNOWN_AUTHOR' ? entry.author : entry.ticketId),
    state: state === undefined ? '—' : Object.hasOwn(ticketStateKeys, state) ? t(ticketStateKeys[state as keyof typeof ticketStateKeys]) : state,
    limit: details.limit ?? '',
  };
  return withFields(t, t(pushRejectKeys[entry.reason], facts), details.issues);
}

/** A text followed by the fields it concerns, each with its own wording when it carries a validation code. */
function withFields(t: TFunction, text: string, issues: readonly { path: string; code?: string; params?: FieldIssue['params'] }[] | undefined): string {
  const fields = issues
    ?.map(({ path, code, params }) => (isValidationCode(code) ? t('errors:fieldIssue', { path: path || '—', text: issueText(t, { code, params }) }) : path || '—'))
    .join(', ');
  return fields ? t('errors:withFields', { text, fields }) : text;
}

/** One field's refusal, at the field (or after its path in an error's text). */
export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'params'>): string {
  return t(validationKeys[issue.code ?? 'INVALID'], { ...issue.params });
}

/** A shared schema's refusal checked in the renderer (the schema's code, or a generic one by the kind of check). */
export function zodIssueText(t: TFunction, issue: z.core.$ZodIssue | undefined): string {
  return issue ? issueText(t, validationOf(issue)) : t(validationKeys.INVALID);
}
