import type { z } from 'zod';
import { practiceResultPayloadSchema } from '../../../shared/hub/practice';
import type { PracticeResultPayload } from '../../../shared/hub/practice';
import { pushOperationSchema } from '../../../shared/hub/sync';
import type { PushOperation, PushRejectDetails, PushRejectReason } from '../../../shared/hub/sync';
import type { HubFieldIssue } from '../../../shared/hub/errors';
import type { ValidationCode } from '../../../shared/validation';
import { callbackSchema, directAnswerSchema, ticketRegistrationSchema, transferSchema } from '../../../shared/tickets/ticket';
import type { Callback, DirectAnswer, TicketRegistration, Transfer } from '../../../shared/tickets/ticket';
import { supplementSchema, urgeSchema } from '../../../shared/tickets/follow-up';
import type { Supplement, Urge } from '../../../shared/tickets/follow-up';
import { closeTicketSchema } from '../../../shared/tickets/closing';
import type { CloseTicket } from '../../../shared/tickets/closing';
import { unreachableSchema } from '../../../shared/tickets/callback-retry';
import type { Unreachable } from '../../../shared/tickets/callback-retry';
import { kbUsePayloadSchema } from '../../../shared/kb/kb-use';
import type { KbUsePayload } from '../../../shared/kb/kb-use';
import { isUnsafeText } from '../http/unsafe-text';
import { fieldIssuesOf } from '../http/field-issues';

/**
 * A permanent refusal of one entry: answered `rejected` with its code and the facts to word it with; the entries
 * behind it go on. The message is English, for logs and API users; a desk words the code in its own language.
 */
export class OperationRejected extends Error {
  constructor(
    readonly code: PushRejectReason,
    message: string,
    readonly details: PushRejectDetails = {},
  ) {
    super(message);
    this.name = 'OperationRejected';
  }
}

/** One refused field of an entry, for the details of a refusal. */
export const fieldIssue = (path: string, message: string, code: ValidationCode, params?: HubFieldIssue['params']): HubFieldIssue => ({
  path,
  message,
  code,
  ...(params ? { params } : {}),
});

/** A payload that carries its own id (a registration, a practice result, an article use) is keyed by the entry's ticketId. */
export function checkPayloadId(op: Pick<PushOperation, 'ticketId'>, id: string): void {
  if (id !== op.ticketId) throw new OperationRejected('INVALID_ENTRY', 'payload.id differs from the entry’s ticketId', { issues: [fieldIssue('payload.id', 'differs from ticketId', 'INVALID')] });
}

/** The id is already used by other work (another desk's, another author's): refused for this entry alone. */
export const idTaken = (id: string): OperationRejected => new OperationRejected('ID_TAKEN', `id ${id} is used by other work`, { subject: id });

/** An entry as the hub keeps it: every field checked, the payload parsed for its kind, nothing else. */
export type ParsedOperation = Omit<PushOperation, 'payload'> &
  (
    | { kind: 'ticket.register'; payload: TicketRegistration }
    | { kind: 'ticket.answer'; payload: DirectAnswer }
    | { kind: 'ticket.transfer' | 'ticket.transfer_for_review'; payload: Transfer }
    | { kind: 'ticket.callback'; payload: Callback }
    | { kind: 'practice.result'; payload: PracticeResultPayload }
    | { kind: 'ticket.supplement'; payload: Supplement }
    | { kind: 'ticket.urge'; payload: Urge }
    | { kind: 'ticket.close'; payload: CloseTicket }
    | { kind: 'ticket.callback_unreachable'; payload: Unreachable }
    | { kind: 'kb.use'; payload: KbUsePayload }
  );

const payloadSchemas: Record<PushOperation['kind'], z.ZodType> = {
  'ticket.register': ticketRegistrationSchema,
  'ticket.answer': directAnswerSchema,
  'ticket.transfer': transferSchema,
  'ticket.transfer_for_review': transferSchema,
  'ticket.callback': callbackSchema,
  'practice.result': practiceResultPayloadSchema,
  'ticket.supplement': supplementSchema,
  'ticket.urge': urgeSchema,
  'ticket.close': closeTicketSchema,
  'ticket.callback_unreachable': unreachableSchema,
  'kb.use': kbUsePayloadSchema,
};

/** Deeper than any real entry (a practice result's items are the deepest, at 4). */
const MAX_DEPTH = 8;
const MAX_STRING = 20_000;


/**
 * Walks the raw entry once before any schema: nesting, text the database
 * cannot hold and oversized strings are refused here, for this entry alone,
 * whatever field (known or not) carries them.
 */
function checkRaw(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) {
    throw new OperationRejected('TOO_DEEP', `nested deeper than ${String(MAX_DEPTH)} levels at ${path}`, { limit: MAX_DEPTH, issues: [fieldIssue(path, 'nested too deep', 'INVALID')] });
  }
  if (typeof value === 'string') {
    if (value.length > MAX_STRING) {
      throw new OperationRejected('INVALID_ENTRY', `text longer than ${String(MAX_STRING)} characters at ${path}`, { issues: [fieldIssue(path, 'text too long', 'TOO_LONG', { max: MAX_STRING })] });
    }
    if (isUnsafeText(value)) throw new OperationRejected('UNSAFE_TEXT', `text the database cannot hold (NUL, lone surrogate) at ${path}`, { issues: [fieldIssue(path, 'unsafe text', 'INVALID')] });
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new OperationRejected('INVALID_ENTRY', `not a finite number at ${path}`, { issues: [fieldIssue(path, 'not a finite number', 'INVALID')] });
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkRaw(item, `${path}.${String(i)}`, depth + 1);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isUnsafeText(key)) throw new OperationRejected('UNSAFE_TEXT', `a field name the database cannot hold at ${path}`, { issues: [fieldIssue(path, 'unsafe field name', 'INVALID')] });
      checkRaw(item, `${path}.${key}`, depth + 1);
    }
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The first field of `input` that parsing dropped (zod objects strip unknown keys): the path, or null. */
export function droppedField(input: unknown, output: unknown, path: string): string | null {
  if (Array.isArray(input) && Array.isArray(output)) {
    for (let i = 0; i < input.length; i++) {
      const found = droppedField(input[i], output[i], `${path}.${String(i)}`);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return null;
  for (const key of Object.keys(input)) {
    if (!(key in output)) return `${path}.${key}`;
    const found = droppedField(input[key], output[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = fieldIssuesOf(parsed.error)
      .slice(0, 10)
      .map((issue) => ({ ...issue, path: issue.path ? `${path}.${issue.path}` : path }));
    if (parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys')) throw new OperationRejected('UNKNOWN_FIELD', `a field outside the protocol at ${issues[0]?.path ?? path}`, { issues });
    const first = issues[0];
    throw new OperationRejected('INVALID_ENTRY', `invalid entry: ${first ? `${first.path} ${first.message}` : path}`, { issues });
  }
  const dropped = droppedField(value, parsed.data, path);
  if (dropped) throw new OperationRejected('UNKNOWN_FIELD', `a field outside the protocol: ${dropped}`, { issues: [fieldIssue(dropped, 'not a field of the protocol', 'INVALID')] });
  return parsed.data;
}

/**
 * One entry of a pushed batch, parsed strictly: the envelope against the
 * protocol, the payload against its kind's schema, unknown fields refused at
 * any depth. What the hub stores and serves afterwards is the parsed value,
 * never the raw one.
 */
export function parseOperation(raw: unknown): ParsedOperation {
  checkRaw(raw, 'entry', 0);
  const envelope = parseWith(pushOperationSchema, raw, 'entry');
  // Ids are keys in the database, which reads them without case: one spelling only, or an upper-case copy of a
  // stored id would pass the lookups and then fail the insert.
  const upperCase = (['ticketId', 'opId'] as const).filter((key) => /[A-F]/.test(envelope[key]));
  if (upperCase.length) {
    throw new OperationRejected('INVALID_ENTRY', 'ticketId and opId must be lower-case UUIDs', { issues: upperCase.map((key) => fieldIssue(`entry.${key}`, 'not a lower-case UUID', 'INVALID')) });
  }
  const payload = parseWith(payloadSchemas[envelope.kind], envelope.payload, 'payload');
  return { ...envelope, payload } as ParsedOperation;
}
