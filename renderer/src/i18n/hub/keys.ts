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
  callback_retry: 'hub:replies.status.callback_retry',
  unreachable: 'hub:replies.status.unreachable',
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

/** A ticket event's kind (the hub's trail) mapped to its wording; an unknown kind reads as other. */
export const timelineKindKeys: Readonly<Record<string, TKey>> = {
  'ticket.register': 'hub:existing.kinds.register',
  'ticket.answer': 'hub:existing.kinds.answer',
  'ticket.transfer': 'hub:existing.kinds.transfer',
  'ticket.transfer_for_review': 'hub:existing.kinds.transferForReview',
  'department.accept': 'hub:existing.kinds.accept',
  'department.return': 'hub:existing.kinds.return',
  'department.reply': 'hub:existing.kinds.reply',
  'ticket.callback': 'hub:existing.kinds.callback',
  'ticket.supplement': 'hub:existing.kinds.supplement',
  'ticket.urge': 'hub:existing.kinds.urge',
  'ticket.close': 'hub:existing.kinds.close',
  'ticket.callback_unreachable': 'hub:existing.kinds.unreachable',
  'review.approve': 'hub:existing.kinds.reviewApprove',
  'review.return': 'hub:existing.kinds.reviewReturn',
};
