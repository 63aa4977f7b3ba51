import type { Shape } from '../shape';
import type { errorsZhCN } from './zh-CN';

/** English for the wording of every error code (DeskErrorCode and the hub's codes); the type makes a missing or extra key a compile error. */
export const errorsEn: Shape<typeof errorsZhCN> = {
  INVALID_INPUT: 'The input is not valid',
  FORBIDDEN_SENDER: 'Caller not trusted',
  UNKNOWN_METHOD: 'Local services are a different version; restart the desk',
  UNSUPPORTED: 'Not possible in this mode',
  TIMEOUT: 'Local services did not answer in time',
  DISCONNECTED: 'Local services unreachable',
  STORAGE: 'Could not write to local storage (disk full or damaged file)',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Changed elsewhere; reload and try again',
  INTERNAL: 'Internal error in local services (logged)',
  HUB_UNAUTHENTICATED: 'Not signed in to the hub, or the session has ended',
  HUB_FORBIDDEN: 'This account may not do that',
  HUB_NOT_CONFIGURED: 'No hub address is set',
  HUB_UNREACHABLE: 'Cannot reach the hub',
  HUB_REFUSED: 'The hub refused the request',
};
