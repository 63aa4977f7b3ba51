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

/** A DeskApi error: its reason's wording if it has one, else its code's; then the fields it concerns. */
export function deskErrorText(t: TFunction, error: Pick<DeskError, 'code' | 'details' | 'issues'>): string {
  const reason = error.details?.reason;
  const text = reason ? t(errorReasonKeys[reason], { minutes: minutes(error.details?.retryAfterS) }) : t(errorCodeKeys[error.code]);
  const fields = error.issues?.map((issue) => issue.path || '—').join(', ');
  return fields ? t('errors:withFields', { text, fields }) : text;
}

/** One field's refusal, at the field. */
export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'params'>): string {
  return t(validationKeys[issue.code ?? 'INVALID'], { ...issue.params });
}

/** A shared schema's refusal checked in the renderer (the schema's code, or a generic one by the kind of check). */
export function zodIssueText(t: TFunction, issue: z.core.$ZodIssue | undefined): string {
  return issue ? issueText(t, validationOf(issue)) : t(validationKeys.INVALID);
}
