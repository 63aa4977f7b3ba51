import type { TKey } from '../keys';

// Codes and states of the training namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const guideReasonKeys = {
  trainee: 'training:guide.reasons.trainee',
  setting: 'training:guide.reasons.setting',
  practice: 'training:guide.reasons.practice',
} as const satisfies Record<string, TKey>;

export const stageKeys = {
  greeting: 'training:stages.greeting',
  verify: 'training:stages.verify',
  listen: 'training:stages.listen',
  resolve: 'training:stages.resolve',
  close: 'training:stages.close',
} as const satisfies Record<string, TKey>;

export const scoreDispositionKeys = {
  transfer: 'training:score.dispositions.transfer',
  answer: 'training:score.dispositions.answer',
} as const satisfies Record<string, TKey>;

export const scoreItemKeys = {
  requestType: 'training:score.items.requestType',
  category1: 'training:score.items.category1',
  category2: 'training:score.items.category2',
  disposition: 'training:score.items.disposition',
  lead: 'training:score.items.lead',
} as const satisfies Record<string, TKey>;

export const practiceRefusalKeys = {
  onCall: 'training:practice.refused.onCall',
  ticketOpen: 'training:practice.refused.ticketOpen',
  noScenarios: 'training:practice.refused.noScenarios',
} as const satisfies Record<string, TKey>;
