import type { z } from 'zod';
import type { DeskContract, DeskMethod, DeskOutput } from './desk-api';
import { deskApiContract, isDeskMethod } from './desk-api';
import type { FieldIssue, Result } from './result';
import { DeskFailure, fail, ok } from './result';
import { validationOf } from './validation';

/** The services side of the contract: one plain async function per method, on validated input. */
export type DeskHandlers = {
  [M in DeskMethod]: (input: z.output<DeskContract[M]['input']>) => Promise<DeskOutput<M>> | DeskOutput<M>;
};

export interface InvokeLogger {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** The schema's issues as field issues with codes (and their limits), for the UI to word. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, ...validationOf(issue) }));
}

/**
 * Validates an untrusted call and runs its handler. Everything that reaches a
 * handler has passed the method's schema; everything that leaves is a Result.
 * The caller has already checked who is calling (sender frame or origin).
 */
export async function invokeDeskMethod(
  handlers: DeskHandlers,
  method: unknown,
  rawInput: unknown,
  log: InvokeLogger,
): Promise<Result<unknown>> {
  if (!isDeskMethod(method)) {
    log.warn({ method: String(method).slice(0, 80) }, 'unknown desk method');
    return fail('UNKNOWN_METHOD', `no such method: ${String(method).slice(0, 80)}`);
  }
  const spec = deskApiContract[method];
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    log.warn({ method, issues }, 'rejected invalid desk payload');
    return fail('INVALID_INPUT', `invalid input for ${method}`, issues);
  }
  try {
    // The schema above is the handler's own input schema, so the cast only forgets what TS cannot follow.
    const handler = handlers[method] as (input: unknown) => unknown;
    const value: unknown = await handler(parsed.data);
    return ok(value);
  } catch (error) {
    if (error instanceof DeskFailure) {
      log.warn({ method, code: error.code, issues: error.issues, details: error.details }, error.message);
      return fail(error.code, error.message, error.issues, error.details);
    }
    const err = error instanceof Error ? error : new Error(String(error));
    log.error({ method, err: { message: err.message, stack: err.stack } }, 'desk handler failed');
    return fail('INTERNAL', `${method} failed: ${err.message}`);
  }
}
