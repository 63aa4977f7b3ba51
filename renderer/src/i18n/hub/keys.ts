import type { TKey } from '../keys';

// Codes and states of the hub namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const roleKeys = {
  operator: 'hub:roles.operator',
  trainee: 'hub:roles.trainee',
  supervisor: 'hub:roles.supervisor',
  admin: 'hub:roles.admin',
  department: 'hub:roles.department',
} as const satisfies Record<string, TKey>;

export const replyStatusKeys = {
  awaits_callback: 'hub:replies.status.awaits_callback',
  callback_recorded: 'hub:replies.status.callback_recorded',
  returned: 'hub:replies.status.returned',
  review_returned: 'hub:replies.status.review_returned',
  other: 'hub:replies.status.other',
} as const satisfies Record<string, TKey>;

export const reviewKeys = {
  not_required: 'hub:replies.review.not_required',
  pending: 'hub:replies.review.pending',
  approved: 'hub:replies.review.approved',
  rejected: 'hub:replies.review.rejected',
} as const satisfies Record<string, TKey>;

export const unfinishedReasonKeys = {
  open: 'hub:shiftSummary.unfinishedReasons.open',
  review_returned: 'hub:shiftSummary.unfinishedReasons.review_returned',
} as const satisfies Record<string, TKey>;
