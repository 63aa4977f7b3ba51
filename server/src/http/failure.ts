import type { HubErrorCode, HubErrorReason } from '../../../shared/hub/errors';

const statusOf: Record<HubErrorCode, number> = {
  INVALID_INPUT: 400,
  MALFORMED_JSON: 400,
  BODY_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SEQ_GAP: 409,
  DESK_NOT_ENROLLED: 403,
  THROTTLED: 429,
  INTERNAL: 500,
};

/** A refusal the client can act on: a code (and a reason code), a message in Chinese for logs, details where they help. */
export class HubFailure extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly details: { reason?: HubErrorReason; issues?: { path: string; message: string }[]; expectedSeq?: number; retryAfterS?: number } = {},
  ) {
    super(message);
    this.name = 'HubFailure';
  }

  get status(): number {
    return statusOf[this.code];
  }
}
