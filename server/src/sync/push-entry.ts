import type { z } from 'zod';
import { practiceResultPayloadSchema } from '../../../shared/hub/practice';
import type { PracticeResultPayload } from '../../../shared/hub/practice';
import { pushOperationSchema } from '../../../shared/hub/sync';
import type { PushOperation, PushRejectReason } from '../../../shared/hub/sync';
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

/** A permanent refusal of one entry: answered `rejected` with its code; the entries behind it go on. */
export class OperationRejected extends Error {
  constructor(
    readonly code: PushRejectReason,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'OperationRejected';
  }
}

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
  if (depth > MAX_DEPTH) throw new OperationRejected('TOO_DEEP', `内容嵌套过深：${path}`);
  if (typeof value === 'string') {
    if (value.length > MAX_STRING) throw new OperationRejected('INVALID_ENTRY', `文字过长：${path}`);
    if (isUnsafeText(value)) throw new OperationRejected('UNSAFE_TEXT', `含有无法保存的字符（如 NUL）：${path}`);
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new OperationRejected('INVALID_ENTRY', `数值无效：${path}`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkRaw(item, `${path}.${String(i)}`, depth + 1);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isUnsafeText(key)) throw new OperationRejected('UNSAFE_TEXT', `字段名含有无法保存的字符：${path}`);
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
    const issues = parsed.error.issues.slice(0, 10).map((issue) => ({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message }));
    if (parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys')) throw new OperationRejected('UNKNOWN_FIELD', `含有协议之外的字段：${issues[0]?.path ?? path}`, issues);
    const first = issues[0];
    throw new OperationRejected('INVALID_ENTRY', `内容不符合要求：${first ? `${first.path} ${first.message}` : path}`, issues);
  }
  const dropped = droppedField(value, parsed.data, path);
  if (dropped) throw new OperationRejected('UNKNOWN_FIELD', `含有协议之外的字段：${dropped}`, [{ path: dropped, message: '协议之外的字段' }]);
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
  if (/[A-F]/.test(envelope.ticketId + envelope.opId)) throw new OperationRejected('INVALID_ENTRY', '工单编号和操作编号须为小写 UUID');
  const payload = parseWith(payloadSchemas[envelope.kind], envelope.payload, 'payload');
  return { ...envelope, payload } as ParsedOperation;
}
