import type { HubHandlers } from '../http/route';
import { answerFor } from './learned-store';

/** What the hub learned from the centre's work: the newest snapshot for desks, a retraining for admins. */
export const learningHandlers = {
  learnedSnapshot: ({ hub, query }) => answerFor(hub.sql, query.have),
  retrainLearned: ({ hub }) => hub.retrainLearned(),
} satisfies Pick<HubHandlers, 'learnedSnapshot' | 'retrainLearned'>;
