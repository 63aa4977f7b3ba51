import type { HubErrorCode, HubErrorDetails, HubErrorReason } from '../../../shared/hub/errors';

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

/** What a refusal carries besides its code: a reason from the typed union, and the facts a client words it with. */
export type HubFailureDetails = Omit<HubErrorDetails, 'reason'> & { reason?: HubErrorReason };

/**
 * A refusal the client can act on: a code (and a reason code), the facts as structured details, and a short
 * English message for logs and API users. Clients word the code and details in their own language.
 */
export class HubFailure extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly details: HubFailureDetails = {},
  ) {
    super(message);
    this.name = 'HubFailure';
  }

  get status(): number {
    return statusOf[this.code];
  }
}
