import type { DeskError, FieldIssue, Result } from './result';
import { deskErrorCodes, deskErrorReasons } from './result';
import { validationCodes } from './validation';

/** A response to a call (`id`: the call's, null for a frame the host could not read) or a pushed event. */
export type ServerFrame = { id: number | null; result: Result<unknown> } | { event: string; payload: unknown };

/** Where the web host's WebSocket listens (wire.ts passes it on with the frames' schemas). */
export const DESK_WS_PATH = '/desk-api';

/**
 * The web host's frames as the workbench reads them: the same checks as `wireServerFrameSchema` (wire.ts), written
 * out by hand so the renderer's first load carries no zod (the first frame it reads is its saved settings).
 * Unknown keys are left out, as the schema leaves them out; wire-frame.test.ts holds the two to the same answers.
 */
export function readServerFrame(data: unknown): ServerFrame | null {
  if (!isRecord(data)) return null;
  const response = readResponse(data);
  if (response) return response;
  if (typeof data.event === 'string' && data.event.length <= 80 && 'payload' in data) return { event: data.event, payload: data.payload };
  return null;
}

function readResponse(data: Record<string, unknown>): ServerFrame | null {
  const id = data.id;
  if (!(id === null || (typeof id === 'number' && Number.isInteger(id) && id >= 0))) return null;
  const result = data.result;
  if (!isRecord(result)) return null;
  if (result.ok === true && 'value' in result) return { id, result: { ok: true, value: result.value } };
  if (result.ok !== false) return null;
  const error = readError(result.error);
  return error ? { id, result: { ok: false, error } } : null;
}

function readError(error: unknown): DeskError | null {
  if (!isRecord(error) || !isOneOf(deskErrorCodes, error.code) || typeof error.message !== 'string') return null;
  const read: DeskError = { code: error.code, message: error.message };
  if (error.issues !== undefined) {
    if (!Array.isArray(error.issues)) return null;
    const issues: FieldIssue[] = [];
    for (const item of error.issues as unknown[]) {
      const issue = readIssue(item);
      if (!issue) return null;
      issues.push(issue);
    }
    read.issues = issues;
  }
  if (error.details !== undefined) {
    const details = error.details;
    if (!isRecord(details)) return null;
    if (details.reason !== undefined && !isOneOf(deskErrorReasons, details.reason)) return null;
    if (details.retryAfterS !== undefined && !isFiniteNumber(details.retryAfterS)) return null;
    if (details.subject !== undefined && !isShortString(details.subject)) return null;
    if (details.refs !== undefined && !(Array.isArray(details.refs) && details.refs.length <= 20 && details.refs.every(isShortString))) return null;
    if (details.limit !== undefined && !isFiniteNumber(details.limit)) return null;
    read.details = {
      ...(details.reason !== undefined && { reason: details.reason }),
      ...(details.retryAfterS !== undefined && { retryAfterS: details.retryAfterS }),
      ...(details.subject !== undefined && { subject: details.subject }),
      ...(details.refs !== undefined && { refs: details.refs }),
      ...(details.limit !== undefined && { limit: details.limit }),
    };
  }
  return read;
}

function readIssue(item: unknown): FieldIssue | null {
  if (!isRecord(item) || typeof item.path !== 'string' || typeof item.message !== 'string') return null;
  const issue: FieldIssue = { path: item.path, message: item.message };
  if (item.code !== undefined) {
    if (!isOneOf(validationCodes, item.code)) return null;
    issue.code = item.code;
  }
  if (item.params !== undefined) {
    const params = item.params;
    if (!isRecord(params)) return null;
    issue.params = {};
    for (const key of ['min', 'max', 'minutes'] as const) {
      const value = params[key];
      if (value === undefined) continue;
      if (!isFiniteNumber(value)) return null;
      issue.params[key] = value;
    }
  }
  return issue;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** A hub's id as the wire carries it (wire.ts: at most 200 characters). */
function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200;
}
