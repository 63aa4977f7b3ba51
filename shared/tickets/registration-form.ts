import { z } from 'zod';
import type { PhoneNumberProblem } from '../phone/phone-number';
import { parsePhoneNumber } from '../phone/phone-number';
import type { ValidationCode } from '../validation';
import { unreasonableReasons } from './unreasonable-reasons';
import { isRelatedTicketReference } from './ticket-reference';
import { callbackSchema, directAnswerSchema, requestTypes, ticketLocationSchema, ticketRegistrationSchema, transferSchema, urgencies } from './ticket';

// The time-limit rule has no zod (the transfer form applies it from the first paint).
export { transferLimitIssue } from './transfer-limit';

/**
 * Form-level rules on top of the ticket contract: what the desk accepts from
 * an operator. Stricter than the wire schema (the hub also takes tickets from
 * other channels). Each refusal is a validation code (shared/validation.ts),
 * worded at the field in the operator's language.
 */

const phoneProblemCodes: Record<PhoneNumberProblem, ValidationCode> = {
  empty: 'CALLER_NUMBER_EMPTY',
  too_long: 'CALLER_NUMBER_TOO_LONG',
  bad_characters: 'CALLER_NUMBER_CHARACTERS',
  bad_format: 'CALLER_NUMBER_FORMAT',
};

/**
 * Mainland numbers as they reach the hotline, in any written form (see
 * shared/phone/phone-number.ts), folded to the stored form.
 */
export const callerNumberFormSchema = z.string().transform((raw, ctx) => {
  const parsed = parsePhoneNumber(raw);
  if (parsed.ok) return parsed.value.canonical;
  ctx.addIssue({ code: 'custom', message: phoneProblemCodes[parsed.problem], params: { problem: parsed.problem } });
  return z.NEVER;
});

/** Names as callers give them: Han characters, letters, spaces and the middle dot; may stay empty (anonymous). */
export const callerNameFormSchema = z
  .string()
  .trim()
  .max(40, 'CALLER_NAME_TOO_LONG' satisfies ValidationCode)
  .regex(/^[\p{Script=Han}A-Za-z·• .]*$/u, 'CALLER_NAME_CHARACTERS' satisfies ValidationCode);

/** Control characters other than line breaks and tabs never belong in a description. */
function hasNoControlCharacters(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') || code === 0x7f) return false;
  }
  return true;
}

/** Each field's rule on its own, so the form can check a field as the operator leaves it. */
export const registrationFieldSchemas = {
  callerName: callerNameFormSchema,
  callerNumber: callerNumberFormSchema,
  address: z.string().trim().max(200, 'ADDRESS_TOO_LONG' satisfies ValidationCode),
  requestType: z.enum(requestTypes, 'REQUEST_TYPE_REQUIRED' satisfies ValidationCode),
  category: z.tuple([z.string().min(1).max(40), z.string().min(1).max(40)], 'CATEGORY_REQUIRED' satisfies ValidationCode),
  description: ticketRegistrationSchema.shape.description.refine(hasNoControlCharacters, 'DESCRIPTION_CONTROL_CHARACTERS' satisfies ValidationCode),
  urgency: z.enum(urgencies, 'URGENCY_REQUIRED' satisfies ValidationCode),
  unreasonableReason: z.enum(unreasonableReasons, 'UNREASONABLE_REASON_REQUIRED' satisfies ValidationCode),
  /** A ticket number as the operator reads it out (resolved to the ticket at registration), or the ticket's id. */
  relatedTicketId: z.string().refine(isRelatedTicketReference, 'RELATED_TICKET_FORMAT' satisfies ValidationCode),
};

export const ticketRegistrationFormSchema = ticketRegistrationSchema
  .extend({
    callerName: registrationFieldSchemas.callerName,
    callerNumber: registrationFieldSchemas.callerNumber,
    location: ticketLocationSchema.extend({ address: registrationFieldSchemas.address }),
    requestType: registrationFieldSchemas.requestType,
    category: registrationFieldSchemas.category,
    description: registrationFieldSchemas.description,
    urgency: registrationFieldSchemas.urgency,
    unreasonableReason: registrationFieldSchemas.unreasonableReason.nullable(),
  })
  .superRefine((value, ctx) => {
    if (value.location.district === null && value.location.town !== null) {
      ctx.addIssue({ code: 'custom', path: ['location', 'district'], message: 'TOWN_WITHOUT_DISTRICT' satisfies ValidationCode });
    }
  });
export type TicketRegistrationForm = z.infer<typeof ticketRegistrationFormSchema>;

export const transferFormSchema = transferSchema.superRefine((value, ctx) => {
  if (value.co.includes(value.lead)) ctx.addIssue({ code: 'custom', path: ['co'], message: 'CO_SAME_AS_LEAD' satisfies ValidationCode });
  if (new Set(value.co).size !== value.co.length) ctx.addIssue({ code: 'custom', path: ['co'], message: 'CO_DUPLICATE' satisfies ValidationCode });
});

/** The answer given on the phone, as the direct-answer form checks it. */
export const answerFieldSchema = directAnswerSchema.shape.answer.min(1, 'ANSWER_REQUIRED' satisfies ValidationCode).max(4_000, 'ANSWER_TOO_LONG' satisfies ValidationCode);

export { callbackSchema, directAnswerSchema };
