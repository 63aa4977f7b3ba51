import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { DeskError, FieldIssue } from '../../../shared/result';
import { validationOf } from '../../../shared/validation';
import { errorCodeKeys, errorReasonKeys, validationKeys } from './error-keys';

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
  const fields = error.issues?.map((issue) => (issue.code ? t('errors:fieldIssue', { path: issue.path || '—', text: issueText(t, issue) }) : issue.path || '—')).join(', ');
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
