import { z } from 'zod';
import type { HubFieldIssue } from '../../../shared/hub/errors';
import { isValidationCode, validationOf } from '../../../shared/validation';

const HAN = /\p{Script=Han}/u;
const english = z.locales.en();

/**
 * A schema's refusals as the hub sends them: the field's path, a validation code with its limits for the
 * client to word, and an English text for logs. A schema whose message is a code or a sentence of its own
 * (in any language) is described by zod's English text of the check instead, so no answer carries a
 * sentence meant for an operator.
 */
export function fieldIssuesOf(error: z.ZodError): HubFieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => {
    const { code, params } = validationOf(issue);
    const own = issue.message;
    const message = isValidationCode(own) || HAN.test(own) ? englishOf(issue) : own;
    return { path: issue.path.join('.'), message, code, ...(params ? { params } : {}) };
  });
}

function englishOf(issue: z.core.$ZodIssue): string {
  const text = english.localeError(issue as unknown as z.core.$ZodRawIssue);
  const said = typeof text === 'string' ? text : text?.message;
  return said && !HAN.test(said) ? said : issue.code;
}
