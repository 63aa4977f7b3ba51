import type { TKey } from '../keys';

// Codes and states of the history namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const ticketStateKeys = {
  registered: 'history:states.registered',
  answered: 'history:states.answered',
  transferred: 'history:states.transferred',
  accepted: 'history:states.accepted',
  returned: 'history:states.returned',
  replied: 'history:states.replied',
  called_back: 'history:states.called_back',
  closed: 'history:states.closed',
} as const satisfies Record<string, TKey>;
