import type { z } from 'zod';

/**
 * Why a field was refused, as a stable code: shared schemas give the code as
 * their message, the services pass it on in `FieldIssue.code`, and the UI
 * words it in its language (with `params` such as the limit). A schema check
 * without a code of its own falls back to the generic ones at the end.
 */
export const validationCodes = [
  // The ticket form
  'CALLER_NUMBER_EMPTY',
  'CALLER_NUMBER_TOO_LONG',
  'CALLER_NUMBER_CHARACTERS',
  'CALLER_NUMBER_FORMAT',
  'CALLER_NAME_TOO_LONG',
  'CALLER_NAME_CHARACTERS',
  'ADDRESS_TOO_LONG',
  'REQUEST_TYPE_REQUIRED',
  'CATEGORY_REQUIRED',
  'DESCRIPTION_TOO_SHORT',
  'DESCRIPTION_TOO_LONG',
  'DESCRIPTION_CONTROL_CHARACTERS',
  'URGENCY_REQUIRED',
  'UNREASONABLE_REASON_REQUIRED',
  'RELATED_TICKET_FORMAT',
  'TOWN_WITHOUT_DISTRICT',
  'CO_SAME_AS_LEAD',
  'CO_DUPLICATE',
  'TIME_LIMIT_REASON_REQUIRED',
  'REDISPATCH_REASON_REQUIRED',
  'REDISPATCH_SAME_LEAD',
  'ANSWER_REQUIRED',
  'ANSWER_TOO_LONG',
  // Finding existing tickets
  'TICKET_QUERY_REQUIRED',
  'TICKET_QUERY_FORMAT',
  // Signing in at the hub
  'HUB_URL_SCHEME',
  'HUB_URL_INSECURE',
  'SIP_URL_INSECURE',
  'USERNAME_REQUIRED',
  'PASSWORD_REQUIRED',
  'ENROLMENT_CODE_FORMAT',
  'ENROLMENT_CODE_REFUSED',
  'ENROLMENT_LOCKED',
  'DESK_NOT_ENROLLED',
  // Generic: a check without a code of its own
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'INVALID',
] as const;
export type ValidationCode = (typeof validationCodes)[number];

/** Facts for wording a validation code: the limit that was passed, how long to wait. */
export interface ValidationParams {
  min?: number;
  max?: number;
  minutes?: number;
}

export function isValidationCode(value: unknown): value is ValidationCode {
  return typeof value === 'string' && (validationCodes as readonly string[]).includes(value);
}

/** A zod issue as a code with its parameters: the schema's own code if it gave one, else a generic one by the zod issue's kind. */
export function validationOf(issue: z.core.$ZodIssue): { code: ValidationCode; params?: ValidationParams } {
  const params: ValidationParams = {};
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') params.max = issue.maximum;
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') params.min = issue.minimum;
  const withParams = (code: ValidationCode): { code: ValidationCode; params?: ValidationParams } => (Object.keys(params).length ? { code, params } : { code });
  if (isValidationCode(issue.message)) return withParams(issue.message);
  if (issue.code === 'too_small') return withParams(issue.minimum === 1 ? 'REQUIRED' : 'TOO_SHORT');
  if (issue.code === 'too_big') return withParams('TOO_LONG');
  if (issue.code === 'invalid_type' && issue.input === undefined) return { code: 'REQUIRED' };
  return { code: 'INVALID' };
}
