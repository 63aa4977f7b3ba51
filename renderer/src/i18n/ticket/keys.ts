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
