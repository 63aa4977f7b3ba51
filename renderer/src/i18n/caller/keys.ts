import type { TKey } from '../keys';

// Codes and states of the caller namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const callDirectionKeys = {
  inbound: 'caller:direction.inbound',
  outbound: 'caller:direction.outbound',
} as const satisfies Record<string, TKey>;
