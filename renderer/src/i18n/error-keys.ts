import type { DeskErrorCode } from '../../../shared/result';
import type { TKey } from './keys';

/** The wording of every DeskApi error code (the hub's own codes included); a new code without wording fails to compile. */
export const errorCodeKeys = {
  INVALID_INPUT: 'errors:INVALID_INPUT',
  FORBIDDEN_SENDER: 'errors:FORBIDDEN_SENDER',
  UNKNOWN_METHOD: 'errors:UNKNOWN_METHOD',
  UNSUPPORTED: 'errors:UNSUPPORTED',
  TIMEOUT: 'errors:TIMEOUT',
  DISCONNECTED: 'errors:DISCONNECTED',
  STORAGE: 'errors:STORAGE',
  NOT_FOUND: 'errors:NOT_FOUND',
  CONFLICT: 'errors:CONFLICT',
  INTERNAL: 'errors:INTERNAL',
  HUB_UNAUTHENTICATED: 'errors:HUB_UNAUTHENTICATED',
  HUB_FORBIDDEN: 'errors:HUB_FORBIDDEN',
  HUB_NOT_CONFIGURED: 'errors:HUB_NOT_CONFIGURED',
  HUB_UNREACHABLE: 'errors:HUB_UNREACHABLE',
  HUB_REFUSED: 'errors:HUB_REFUSED',
} as const satisfies Record<DeskErrorCode, TKey>;
