import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/result';
import { HubRequestError } from '../sync/hub-http';
import { SyncError } from '../sync/sync-engine';
import { asDeskFailure } from './hub-session';

const as = (error: unknown): { code: string; reason: string | undefined } => {
  const failure = asDeskFailure(error) as DeskFailure;
  expect(failure).toBeInstanceOf(DeskFailure);
  return { code: failure.code, reason: failure.details?.reason };
};

describe('a failed hub exchange on the desk', () => {
  it('carries a code by the hub’s HTTP status and the hub’s reason, never the local transport’s codes (FORBIDDEN_SENDER, DISCONNECTED)', () => {
    expect(as(new HubRequestError(401, 'UNAUTHENTICATED', 'HTTP 401', { hubReason: 'BAD_CREDENTIALS' }))).toEqual({ code: 'HUB_UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
    expect(as(new HubRequestError(401, 'UNAUTHENTICATED', 'HTTP 401', { hubReason: 'SESSION_EXPIRED' }))).toEqual({ code: 'HUB_UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    expect(as(new SyncError('AUTH_REQUIRED', 'token expired'))).toEqual({ code: 'HUB_UNAUTHENTICATED', reason: undefined });
    expect(as(new HubRequestError(403, 'FORBIDDEN', 'HTTP 403', { hubReason: 'ROLE_NOT_ALLOWED' }))).toEqual({ code: 'HUB_FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(as(new HubRequestError(403, 'FORBIDDEN', 'HTTP 403', { hubReason: 'NOT_A_DESK_ROLE' }))).toEqual({ code: 'HUB_FORBIDDEN', reason: 'NOT_A_DESK_ROLE' });
    expect(as(new SyncError('HUB_UNREACHABLE', 'connect ECONNREFUSED', 'HUB_NETWORK'))).toEqual({ code: 'HUB_UNREACHABLE', reason: 'HUB_NETWORK' });
    expect(as(new SyncError('HUB_UNREACHABLE', 'no answer in 15000 ms', 'HUB_TIMEOUT'))).toEqual({ code: 'HUB_UNREACHABLE', reason: 'HUB_TIMEOUT' });
    expect(as(new SyncError('HUB_BAD_RESPONSE', 'answer does not match', 'HUB_BAD_RESPONSE'))).toEqual({ code: 'HUB_REFUSED', reason: 'HUB_BAD_RESPONSE' });
  });

  it('keeps not found, conflict and invalid input as the desk’s generic codes, and names any other refusal by the hub’s reason or code', () => {
    expect(as(new HubRequestError(404, 'NOT_FOUND', 'HTTP 404'))).toEqual({ code: 'NOT_FOUND', reason: undefined });
    expect(as(new HubRequestError(409, 'CONFLICT', 'HTTP 409'))).toEqual({ code: 'CONFLICT', reason: undefined });
    expect(as(new HubRequestError(400, 'INVALID_INPUT', 'HTTP 400'))).toEqual({ code: 'INVALID_INPUT', reason: undefined });
    expect(as(new HubRequestError(429, 'THROTTLED', 'HTTP 429', { hubReason: 'SIGN_IN_LOCKED', retryAfterS: 30 }))).toEqual({ code: 'HUB_REFUSED', reason: 'SIGN_IN_LOCKED' });
    expect((asDeskFailure(new HubRequestError(429, 'THROTTLED', 'HTTP 429', { retryAfterS: 30 })) as DeskFailure).details).toEqual({ reason: 'THROTTLED', retryAfterS: 30 });
    expect(as(new HubRequestError(500, 'INTERNAL', 'HTTP 500'))).toEqual({ code: 'HUB_REFUSED', reason: 'HUB_INTERNAL' });
    // A newer hub's reason this desk has no words for: the code's own wording is used.
    expect(as(new HubRequestError(403, 'FORBIDDEN', 'HTTP 403', { hubReason: 'SOMETHING_NEW' }))).toEqual({ code: 'HUB_FORBIDDEN', reason: undefined });
  });

  it('passes on what the refusal concerns, the ids in the way, the limit, and the hub’s field issues with their codes', () => {
    const failure = asDeskFailure(
      new HubRequestError(400, 'INVALID_INPUT', 'HTTP 400', {
        hubReason: 'UNKNOWN_DEPARTMENTS',
        refs: ['no-such-dept'],
        issues: [
          { path: 'password', message: 'Too small', code: 'TOO_SHORT', params: { min: 8 } },
          { path: 'x', message: 'from a newer hub', code: 'SOMETHING_NEW' },
        ],
      }),
    ) as DeskFailure;
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.details).toEqual({ reason: 'UNKNOWN_DEPARTMENTS', refs: ['no-such-dept'] });
    expect(failure.issues).toEqual([
      { path: 'password', message: 'Too small', code: 'TOO_SHORT', params: { min: 8 } },
      { path: 'x', message: 'from a newer hub' },
    ]);
    const inUse = asDeskFailure(new HubRequestError(409, 'CONFLICT', 'HTTP 409', { hubReason: 'SEAT_ALREADY_ENROLLED', subject: 'A-017' })) as DeskFailure;
    expect(inUse.details).toEqual({ reason: 'SEAT_ALREADY_ENROLLED', subject: 'A-017' });
  });
});
