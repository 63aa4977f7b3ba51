import type { AgentState } from '../../../../shared/phone/agent-state';
import type { BreakReasonCode } from '../../../../shared/phone/break-reasons';
import { breakReasonCode } from '../../../../shared/phone/break-reasons';
import type { TKey } from '../keys';

// Codes and states of the common namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const shortcutGroupKeys = {
  general: 'common:shortcuts.groups.general',
  view: 'common:shortcuts.groups.view',
  knowledge: 'common:shortcuts.groups.knowledge',
  ticket: 'common:shortcuts.groups.ticket',
  phone: 'common:shortcuts.groups.phone',
  hub: 'common:shortcuts.groups.hub',
  supervision: 'common:shortcuts.groups.supervision',
  training: 'common:shortcuts.groups.training',
} as const satisfies Record<string, TKey>;

export const shortcutActionKeys = {
  'help.toggle': 'common:shortcuts.actions.help.toggle',
  'view.toggleTheme': 'common:shortcuts.actions.view.toggleTheme',
  'view.toggleLanguage': 'common:shortcuts.actions.view.toggleLanguage',
  'pane.focusCall': 'common:shortcuts.actions.pane.focusCall',
  'pane.focusKnowledge': 'common:shortcuts.actions.pane.focusKnowledge',
  'pane.showHistory': 'common:shortcuts.actions.pane.showHistory',
  'pane.showReplies': 'common:shortcuts.actions.pane.showReplies',
  'knowledge.search': 'common:shortcuts.actions.knowledge.search',
  'knowledge.toggleDetach': 'common:shortcuts.actions.knowledge.toggleDetach',
  'knowledge.copyAnswer': 'common:shortcuts.actions.knowledge.copyAnswer',
  'knowledge.semanticModel': 'common:shortcuts.actions.knowledge.semanticModel',
  'sync.now': 'common:shortcuts.actions.sync.now',
  'ticket.focusRegistration': 'common:shortcuts.actions.ticket.focusRegistration',
  'ticket.focusTransfer': 'common:shortcuts.actions.ticket.focusTransfer',
  'ticket.focusAnswer': 'common:shortcuts.actions.ticket.focusAnswer',
  'ticket.focusCallback': 'common:shortcuts.actions.ticket.focusCallback',
  'ticket.dialCaller': 'common:shortcuts.actions.ticket.dialCaller',
  'ticket.unreachable': 'common:shortcuts.actions.ticket.unreachable',
  'ticket.acceptSuggestion': 'common:shortcuts.actions.ticket.acceptSuggestion',
  'ticket.submit': 'common:shortcuts.actions.ticket.submit',
  'ticket.new': 'common:shortcuts.actions.ticket.new',
  'ticket.copyConfirmation': 'common:shortcuts.actions.ticket.copyConfirmation',
  'phone.answer': 'common:shortcuts.actions.phone.answer',
  'phone.hangup': 'common:shortcuts.actions.phone.hangup',
  'phone.hold': 'common:shortcuts.actions.phone.hold',
  'phone.mute': 'common:shortcuts.actions.phone.mute',
  'phone.transfer': 'common:shortcuts.actions.phone.transfer',
  'phone.completeTransfer': 'common:shortcuts.actions.phone.completeTransfer',
  'phone.cancelTransfer': 'common:shortcuts.actions.phone.cancelTransfer',
  'phone.keypad': 'common:shortcuts.actions.phone.keypad',
  'phone.dial': 'common:shortcuts.actions.phone.dial',
  'phone.selfCheck': 'common:shortcuts.actions.phone.selfCheck',
  'phone.settings': 'common:shortcuts.actions.phone.settings',
  'phone.requestHelp': 'common:shortcuts.actions.phone.requestHelp',
  'agent.ready': 'common:shortcuts.actions.agent.ready',
  'agent.breakRest': 'common:shortcuts.actions.agent.breakRest',
  'agent.breakMeal': 'common:shortcuts.actions.agent.breakMeal',
  'agent.breakMeeting': 'common:shortcuts.actions.agent.breakMeeting',
  'agent.training': 'common:shortcuts.actions.agent.training',
  'agent.signOut': 'common:shortcuts.actions.agent.signOut',
  'agent.extendAfterCallWork': 'common:shortcuts.actions.agent.extendAfterCallWork',
  'hub.signIn': 'common:shortcuts.actions.hub.signIn',
  'hub.signOut': 'common:shortcuts.actions.hub.signOut',
  'hub.handoverNote': 'common:shortcuts.actions.hub.handoverNote',
  'hub.shiftSummary': 'common:shortcuts.actions.hub.shiftSummary',
  'hub.existingTickets': 'common:shortcuts.actions.hub.existingTickets',
  'caller.nextHistory': 'common:shortcuts.actions.caller.nextHistory',
  'caller.previousHistory': 'common:shortcuts.actions.caller.previousHistory',
  'caller.linkHistory': 'common:shortcuts.actions.caller.linkHistory',
  'training.toggleGuide': 'common:shortcuts.actions.training.toggleGuide',
  'training.nextStage': 'common:shortcuts.actions.training.nextStage',
  'training.previousStage': 'common:shortcuts.actions.training.previousStage',
  'training.practice': 'common:shortcuts.actions.training.practice',
  'training.nextTurn': 'common:shortcuts.actions.training.nextTurn',
  'training.focusLead': 'common:shortcuts.actions.training.focusLead',
  'training.endPractice': 'common:shortcuts.actions.training.endPractice',
  'training.records': 'common:shortcuts.actions.training.records',
  'pane.showReviews': 'common:shortcuts.actions.pane.showReviews',
  'pane.showAlerts': 'common:shortcuts.actions.pane.showAlerts',
  'pane.showStats': 'common:shortcuts.actions.pane.showStats',
  'pane.showPlacement': 'common:shortcuts.actions.pane.showPlacement',
  'supervision.openBoard': 'common:shortcuts.actions.supervision.openBoard',
  'review.next': 'common:shortcuts.actions.review.next',
  'review.previous': 'common:shortcuts.actions.review.previous',
  'review.approve': 'common:shortcuts.actions.review.approve',
  'review.return': 'common:shortcuts.actions.review.return',
  'alert.next': 'common:shortcuts.actions.alert.next',
  'alert.previous': 'common:shortcuts.actions.alert.previous',
  'alert.toggleTickets': 'common:shortcuts.actions.alert.toggleTickets',
  'alert.acknowledge': 'common:shortcuts.actions.alert.acknowledge',
  'stats.shift': 'common:shortcuts.actions.stats.shift',
  'stats.today': 'common:shortcuts.actions.stats.today',
  'stats.week': 'common:shortcuts.actions.stats.week',
  'placement.last30': 'common:shortcuts.actions.placement.last30',
  'placement.thisMonth': 'common:shortcuts.actions.placement.thisMonth',
  'placement.lastMonth': 'common:shortcuts.actions.placement.lastMonth',
} as const satisfies Record<string, TKey>;

export const syncStateKeys = {
  not_configured: 'common:status.syncStates.not_configured',
  online: 'common:status.syncStates.online',
  syncing: 'common:status.syncStates.syncing',
  offline: 'common:status.syncStates.offline',
  pending: 'common:status.syncStates.pending',
  oldest: 'common:status.syncStates.oldest',
  needsAttention: 'common:status.syncStates.needsAttention',
  lastSuccess: 'common:status.syncStates.lastSuccess',
  allSent: 'common:status.syncStates.allSent',
  syncNow: 'common:status.syncStates.syncNow',
  learned: 'common:status.syncStates.learned',
  learnedNone: 'common:status.syncStates.learnedNone',
} as const satisfies Record<string, TKey>;

export const learnedRefusedKeys = {
  MALFORMED: 'common:status.syncStates.learnedRefused.MALFORMED',
  TOO_LARGE: 'common:status.syncStates.learnedRefused.TOO_LARGE',
} as const satisfies Record<string, TKey>;

export const syncErrorKeys = {
  HUB_UNREACHABLE: 'common:status.syncStates.errors.HUB_UNREACHABLE',
  HUB_FAILED: 'common:status.syncStates.errors.HUB_FAILED',
  HUB_RESPONSE_TOO_LARGE: 'common:status.syncStates.errors.HUB_RESPONSE_TOO_LARGE',
  HUB_BAD_RESPONSE: 'common:status.syncStates.errors.HUB_BAD_RESPONSE',
  HUB_NO_PROGRESS: 'common:status.syncStates.errors.HUB_NO_PROGRESS',
  AUTH_REQUIRED: 'common:status.syncStates.errors.AUTH_REQUIRED',
  NOT_ENROLLED: 'common:status.syncStates.errors.NOT_ENROLLED',
  STORAGE: 'common:status.syncStates.errors.STORAGE',
  INTERNAL: 'common:status.syncStates.errors.INTERNAL',
} as const satisfies Record<string, TKey>;


export const shiftSlotKeys = {
  day: 'common:status.slots.day',
  night: 'common:status.slots.night',
} as const satisfies Record<string, TKey>;

export const storageFailureKeys = {
  disk_full: 'common:app.storageFailed.reasons.disk_full',
  read_only: 'common:app.storageFailed.reasons.read_only',
  io_error: 'common:app.storageFailed.reasons.io_error',
  damaged: 'common:app.storageFailed.reasons.damaged',
  locked: 'common:app.storageFailed.reasons.locked',
  unknown: 'common:app.storageFailed.reasons.unknown',
} as const satisfies Record<string, TKey>;

/** The words for each agent state, the same in the status bar and on the seat board. */
export const agentStateKeys: Record<AgentState, TKey> = {
  signed_out: 'common:status.agentStates.signedOut',
  ready: 'common:status.agentStates.ready',
  on_call: 'common:status.agentStates.onCall',
  after_call_work: 'common:status.agentStates.afterCall',
  break: 'common:status.agentStates.break',
  training: 'common:status.agentStates.training',
};
/** Break reason codes (shared/phone/break-reasons.ts) to their words. */
export const breakReasonKeys = {
  rest: 'common:status.breakReasons.rest',
  meal: 'common:status.breakReasons.meal',
  meeting: 'common:status.breakReasons.meeting',
} as const satisfies Record<BreakReasonCode, TKey>;

/** A reported break reason in the UI's language: a code's words, or an older desk's text as it came. */
export function breakReasonText(t: (key: TKey) => string, reason: string): string {
  const code = breakReasonCode(reason);
  return code ? t(breakReasonKeys[code]) : reason;
}
