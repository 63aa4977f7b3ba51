import type { RequestType } from '../../../../shared/tickets/ticket';
import type { TKey } from '../keys';

// Codes and states of the ticket namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const satisfactionKeys = {
  satisfied: 'ticket:callback.satisfied',
  basically_satisfied: 'ticket:callback.basically_satisfied',
  dissatisfied: 'ticket:callback.dissatisfied',
} as const satisfies Record<string, TKey>;

export const urgencyKeys = {
  normal: 'ticket:urgencies.normal',
  urgent: 'ticket:urgencies.urgent',
  critical: 'ticket:urgencies.critical',
} as const satisfies Record<string, TKey>;

export const supervisionLevelKeys = {
  none: 'ticket:supervision.none',
  ordinary: 'ticket:supervision.ordinary',
  key: 'ticket:supervision.key',
} as const satisfies Record<string, TKey>;

/** The six request types are stored by their Chinese names (the centre's own terms); these are their words in the UI. */
export const requestTypeKeys = {
  咨询: 'ticket:requestTypes.enquiry',
  求助: 'ticket:requestTypes.help',
  投诉: 'ticket:requestTypes.complaint',
  举报: 'ticket:requestTypes.report',
  建议: 'ticket:requestTypes.suggestion',
  表扬: 'ticket:requestTypes.praise',
} as const satisfies Record<RequestType, TKey>;
