import type { TKey } from '../keys';

// Codes and states of the knowledge namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const feedbackKeys = {
  helpful: 'knowledge:feedback.helpful',
  outdated: 'knowledge:feedback.outdated',
  wrong: 'knowledge:feedback.wrong',
  thanks: 'knowledge:feedback.thanks',
} as const satisfies Record<string, TKey>;
