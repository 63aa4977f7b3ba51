import { z } from 'zod';
import type { PhoneNumberProblem } from '../phone/phone-number';
import { parsePhoneNumber } from '../phone/phone-number';
import { unreasonableReasons } from './unreasonable-reasons';
import { ticketNumberSchema } from '../hub/hub-ticket';
import { callbackSchema, directAnswerSchema, requestTypes, ticketIdSchema, ticketLocationSchema, ticketRegistrationSchema, transferSchema, urgencies } from './ticket';

/**
 * Form-level rules on top of the ticket contract: what the desk accepts from
 * an operator. Stricter than the wire schema (the hub also takes tickets from
 * other channels), with the Chinese message shown at the field.
 */

const phoneProblemMessages: Record<PhoneNumberProblem, string> = {
  empty: '请填写来电号码',
  too_long: '电话号码过长',
  bad_characters: '电话号码只能包含数字（可带区号横线、+86 和分机“转”）',
  bad_format: '号码格式不对：手机 11 位，座机需带区号（如 0539-8123456），或 5 位服务号',
};

/**
 * Mainland numbers as they reach the hotline, in any written form (see
 * shared/phone/phone-number.ts), folded to the stored form.
 */
export const callerNumberFormSchema = z.string().transform((raw, ctx) => {
  const parsed = parsePhoneNumber(raw);
  if (parsed.ok) return parsed.value.canonical;
  ctx.addIssue({ code: 'custom', message: phoneProblemMessages[parsed.problem], params: { problem: parsed.problem } });
  return z.NEVER;
});

/** Names as callers give them: Han characters, letters, spaces and the middle dot; may stay empty (anonymous). */
export const callerNameFormSchema = z
  .string()
  .trim()
  .max(40, '姓名最多 40 字')
  .regex(/^[\p{Script=Han}A-Za-z·• .]*$/u, '姓名只能包含汉字、字母、空格和“·”');

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
  address: z.string().trim().max(200, '详细地址最多 200 字'),
  requestType: z.enum(requestTypes, '请选择诉求类型'),
  category: z.tuple([z.string().min(1).max(40), z.string().min(1).max(40)], '请选择事项分类（两级）'),
  description: ticketRegistrationSchema.shape.description.refine(hasNoControlCharacters, '诉求内容含有无法显示的控制字符'),
  urgency: z.enum(urgencies, '请选择紧急程度'),
  unreasonableReason: z.enum(unreasonableReasons, '请选择标准的不合理诉求理由'),
  /** A ticket number as the operator reads it out (resolved to the ticket at registration), or the ticket's id. */
  relatedTicketId: z.union([z.literal(''), ticketNumberSchema, ticketIdSchema], '关联工单编号格式不对（应为工单编号，如 20261122-000123）'),
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
      ctx.addIssue({ code: 'custom', path: ['location', 'district'], message: '选择了乡镇街道时必须选择区县' });
    }
  });
export type TicketRegistrationForm = z.infer<typeof ticketRegistrationFormSchema>;

export const transferFormSchema = transferSchema.superRefine((value, ctx) => {
  if (value.co.includes(value.lead)) ctx.addIssue({ code: 'custom', path: ['co'], message: '协办单位不能与主办单位相同' });
  if (new Set(value.co).size !== value.co.length) ctx.addIssue({ code: 'custom', path: ['co'], message: '协办单位有重复' });
});

/** The time limit may differ from the matched duty's only with a stated reason. */
export function transferLimitIssue(transfer: { timeLimitDays: number; timeLimitReason: string | null }, dutyLimit: number | null): string | null {
  if (dutyLimit === null || transfer.timeLimitDays === dutyLimit) return null;
  return transfer.timeLimitReason && transfer.timeLimitReason.trim().length >= 2 ? null : '办理时限与职责清单不同，请填写调整理由';
}

/** The answer given on the phone, as the direct-answer form checks it. */
export const answerFieldSchema = directAnswerSchema.shape.answer.min(1, '请填写答复内容').max(4_000, '答复内容最多 4000 字');

export { callbackSchema, directAnswerSchema };
