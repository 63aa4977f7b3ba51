import { z } from 'zod';
import { callbackSchema, directAnswerSchema, ticketIdSchema } from './ticket';
import { ticketRegistrationFormSchema, transferFormSchema } from './registration-form';

/** Inputs of the ticket methods of the DeskApi (declared in desk-api.ts). */
export const registerTicketInputSchema = z.object({
  registration: ticketRegistrationFormSchema,
  /** Written by a trainee: its transfer waits for a supervisor's review (until sign-in supplies the role). */
  trainee: z.boolean(),
});
export const answerTicketInputSchema = z.object({ ticketId: ticketIdSchema, answer: directAnswerSchema });
export const transferTicketInputSchema = z.object({ ticketId: ticketIdSchema, transfer: transferFormSchema });
/** `close`: 办结 with the callback, where the centre's rule (settings' closeAfterCallback) allows it. */
export const recordCallbackInputSchema = z.object({ ticketId: ticketIdSchema, callback: callbackSchema, close: z.boolean().default(false) });
export const listTicketsInputSchema = z.object({ limit: z.number().int().min(1).max(200).default(50) });

export const matterCategorySchema = z.object({ name: z.string(), children: z.array(z.string()) });

/** 无法联系: a callback try that did not reach the caller (a retry falls due later). */
export const recordUnreachableInputSchema = z.object({ ticketId: ticketIdSchema, note: z.string().trim().max(500).default('') });
