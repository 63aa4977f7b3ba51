import type { TKey } from '../keys';
import type { SemanticModelProblem } from '../../../../shared/kb/semantic-status';

// Codes and states of the knowledge namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const semanticProblemKeys = {
  MODEL_MISSING: 'knowledge:semantic.problems.MODEL_MISSING',
  TOKENIZER_MISSING: 'knowledge:semantic.problems.TOKENIZER_MISSING',
  MODEL_TOO_LARGE: 'knowledge:semantic.problems.MODEL_TOO_LARGE',
  MODEL_UNREADABLE: 'knowledge:semantic.problems.MODEL_UNREADABLE',
  MODEL_UNSUPPORTED: 'knowledge:semantic.problems.MODEL_UNSUPPORTED',
  VECTORS_FAILED: 'knowledge:semantic.problems.VECTORS_FAILED',
} as const satisfies Record<SemanticModelProblem, TKey>;

export const feedbackKeys = {
  helpful: 'knowledge:feedback.helpful',
  outdated: 'knowledge:feedback.outdated',
  wrong: 'knowledge:feedback.wrong',
  thanks: 'knowledge:feedback.thanks',
} as const satisfies Record<string, TKey>;
