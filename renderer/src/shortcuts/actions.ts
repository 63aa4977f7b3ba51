/**
 * Every operator action with a default key. Operators can remap any of them
 * (settings.shortcuts); the help overlay (F1) lists them from here, so an
 * action without an entry here has no shortcut and shows up in review.
 */
export type ShortcutGroup = 'general' | 'view' | 'knowledge' | 'ticket' | 'phone' | 'hub' | 'supervision' | 'training';

/** What the shortcut engine (use-shortcuts.ts) binds: the workbench's, the panels' and the seat board's actions. */
export interface BindableAction<Id extends string = string> {
  id: Id;
  /** tinykeys syntax: `F1`, `$mod+Shift+KeyL` ($mod is Ctrl, or ⌘ on a Mac), `Alt+Digit1`. */
  defaultKeys: string[];
  /**
   * Whether the shortcut also fires while the operator types in a field. Function keys and
   * combinations with Ctrl/Alt do; printable keys such as `?` must not, or typing would trigger them.
   */
  whileTyping: boolean;
}

export interface ShortcutAction<Id extends string = ActionId> extends BindableAction<Id> {
  group: ShortcutGroup;
}

export const actionIds = [
  'help.toggle',
  'view.toggleTheme',
  'view.toggleLanguage',
  'pane.focusCall',
  'pane.focusKnowledge',
  'pane.showHistory',
  'pane.showReplies',
  'pane.showReviews',
  'pane.showAlerts',
  'pane.showStats',
  'pane.showPlacement',
  'supervision.openBoard',
  'knowledge.search',
  'knowledge.toggleDetach',
  'knowledge.copyAnswer',
  'knowledge.semanticModel',
  'sync.now',
  'ticket.focusRegistration',
  'ticket.focusTransfer',
  'ticket.focusAnswer',
  'ticket.focusCallback',
  'ticket.dialCaller',
  'ticket.unreachable',
  'ticket.acceptSuggestion',
  'ticket.submit',
  'ticket.new',
  'ticket.copyConfirmation',
  'phone.answer',
  'phone.hangup',
  'phone.hold',
  'phone.mute',
  'phone.transfer',
  'phone.completeTransfer',
  'phone.cancelTransfer',
  'phone.keypad',
  'phone.dial',
  'phone.selfCheck',
  'phone.settings',
  'phone.requestHelp',
  'agent.ready',
  'agent.breakRest',
  'agent.breakMeal',
  'agent.breakMeeting',
  'agent.training',
  'agent.signOut',
  'agent.extendAfterCallWork',
  'hub.signIn',
  'hub.signOut',
  'hub.handoverNote',
  'hub.shiftSummary',
  'hub.existingTickets',
  'caller.nextHistory',
  'caller.previousHistory',
  'caller.linkHistory',
  'training.toggleGuide',
  'training.nextStage',
  'training.previousStage',
  'training.practice',
  'training.nextTurn',
  'training.focusLead',
  'training.endPractice',
  'training.records',
] as const;
export type ActionId = (typeof actionIds)[number];

export const shortcutActions: readonly ShortcutAction[] = [
  { id: 'help.toggle', group: 'general', defaultKeys: ['F1', 'Shift+?'], whileTyping: false },
  { id: 'pane.focusCall', group: 'general', defaultKeys: ['Alt+Digit1'], whileTyping: true },
  { id: 'pane.focusKnowledge', group: 'general', defaultKeys: ['Alt+Digit2'], whileTyping: true },
  { id: 'pane.showHistory', group: 'general', defaultKeys: ['Alt+Digit3'], whileTyping: true },
  { id: 'pane.showReplies', group: 'general', defaultKeys: ['Alt+Digit4'], whileTyping: true },
  { id: 'pane.showReviews', group: 'supervision', defaultKeys: ['Alt+Digit5'], whileTyping: true },
  { id: 'pane.showAlerts', group: 'supervision', defaultKeys: ['Alt+Digit6'], whileTyping: true },
  { id: 'pane.showStats', group: 'supervision', defaultKeys: ['Alt+Digit7'], whileTyping: true },
  { id: 'pane.showPlacement', group: 'supervision', defaultKeys: ['Alt+Digit8'], whileTyping: true },
  // After the supervision tabs' Alt+5 … Alt+8: the seat board, in its own window on the second screen.
  { id: 'supervision.openBoard', group: 'supervision', defaultKeys: ['Alt+Digit9'], whileTyping: true },
  { id: 'view.toggleTheme', group: 'view', defaultKeys: ['$mod+Shift+KeyT'], whileTyping: true },
  { id: 'view.toggleLanguage', group: 'view', defaultKeys: ['$mod+Shift+KeyL'], whileTyping: true },
  { id: 'knowledge.search', group: 'knowledge', defaultKeys: ['F3'], whileTyping: true },
  { id: 'knowledge.toggleDetach', group: 'knowledge', defaultKeys: ['$mod+Shift+KeyD'], whileTyping: true },
  { id: 'knowledge.copyAnswer', group: 'knowledge', defaultKeys: ['Alt+KeyI'], whileTyping: true },
  // Beside Alt+I: the optional semantic model's folder and state (set once per desk by the centre's engineers).
  { id: 'knowledge.semanticModel', group: 'knowledge', defaultKeys: ['Alt+Shift+KeyI'], whileTyping: true },
  { id: 'sync.now', group: 'general', defaultKeys: ['$mod+Shift+KeyS'], whileTyping: true },
  { id: 'ticket.focusRegistration', group: 'ticket', defaultKeys: ['Alt+KeyR'], whileTyping: true },
  { id: 'ticket.focusTransfer', group: 'ticket', defaultKeys: ['Alt+KeyT'], whileTyping: true },
  { id: 'ticket.focusAnswer', group: 'ticket', defaultKeys: ['Alt+KeyA'], whileTyping: true },
  { id: 'ticket.focusCallback', group: 'ticket', defaultKeys: ['Alt+KeyC'], whileTyping: true },
  // The callback form: dial the caller of the chosen ticket (beside Alt+D, the dial box), or record 无法联系 (W: wúfǎ liánxì).
  { id: 'ticket.dialCaller', group: 'ticket', defaultKeys: ['Alt+Shift+KeyD'], whileTyping: true },
  { id: 'ticket.unreachable', group: 'ticket', defaultKeys: ['Alt+KeyW'], whileTyping: true },
  { id: 'ticket.acceptSuggestion', group: 'ticket', defaultKeys: ['Alt+KeyS'], whileTyping: true },
  { id: 'ticket.submit', group: 'ticket', defaultKeys: ['$mod+Enter'], whileTyping: true },
  { id: 'ticket.new', group: 'ticket', defaultKeys: ['Alt+KeyN'], whileTyping: true },
  { id: 'ticket.copyConfirmation', group: 'ticket', defaultKeys: ['Alt+Shift+KeyC'], whileTyping: true },
  // Function keys work while the operator types the ticket: the call never waits for the focus.
  { id: 'phone.answer', group: 'phone', defaultKeys: ['F6'], whileTyping: true },
  { id: 'phone.hangup', group: 'phone', defaultKeys: ['F7'], whileTyping: true },
  { id: 'phone.hold', group: 'phone', defaultKeys: ['F8'], whileTyping: true },
  { id: 'phone.mute', group: 'phone', defaultKeys: ['F9'], whileTyping: true },
  { id: 'phone.transfer', group: 'phone', defaultKeys: ['F10'], whileTyping: true },
  // Beside F10: the second step of a consultation (咨询转接) started from the transfer dialog.
  { id: 'phone.completeTransfer', group: 'phone', defaultKeys: ['Alt+F10'], whileTyping: true },
  { id: 'phone.cancelTransfer', group: 'phone', defaultKeys: ['Alt+Shift+F10'], whileTyping: true },
  { id: 'phone.keypad', group: 'phone', defaultKeys: ['Alt+KeyK'], whileTyping: true },
  { id: 'phone.dial', group: 'phone', defaultKeys: ['Alt+KeyD'], whileTyping: true },
  { id: 'phone.selfCheck', group: 'phone', defaultKeys: ['Alt+KeyJ'], whileTyping: true },
  // Beside Alt+J: the self-check's failures are fixed in the phone settings (server, extension, devices).
  { id: 'phone.settings', group: 'phone', defaultKeys: ['Alt+Shift+KeyJ'], whileTyping: true },
  { id: 'phone.requestHelp', group: 'phone', defaultKeys: ['Alt+KeyY'], whileTyping: true },
  // A key for every agent state: Alt+Shift+1 ready, 2–4 the break reasons, 5 training, 0 signed out.
  { id: 'agent.ready', group: 'phone', defaultKeys: ['Alt+Shift+Digit1'], whileTyping: true },
  { id: 'agent.breakRest', group: 'phone', defaultKeys: ['Alt+Shift+Digit2'], whileTyping: true },
  { id: 'agent.breakMeal', group: 'phone', defaultKeys: ['Alt+Shift+Digit3'], whileTyping: true },
  { id: 'agent.breakMeeting', group: 'phone', defaultKeys: ['Alt+Shift+Digit4'], whileTyping: true },
  { id: 'agent.training', group: 'phone', defaultKeys: ['Alt+Shift+Digit5'], whileTyping: true },
  { id: 'agent.signOut', group: 'phone', defaultKeys: ['Alt+Shift+Digit0'], whileTyping: true },
  { id: 'agent.extendAfterCallWork', group: 'phone', defaultKeys: ['Alt+Shift+KeyE'], whileTyping: true },
  { id: 'hub.signIn', group: 'hub', defaultKeys: ['Alt+KeyL'], whileTyping: true },
  { id: 'hub.signOut', group: 'hub', defaultKeys: ['Alt+KeyQ'], whileTyping: true },
  { id: 'hub.handoverNote', group: 'hub', defaultKeys: ['Alt+KeyH'], whileTyping: true },
  // Beside Alt+Q (sign-out, which shows the same summary): the operator looks before leaving.
  { id: 'hub.shiftSummary', group: 'hub', defaultKeys: ['Alt+Shift+KeyQ'], whileTyping: true },
  // F for find: a caller's existing ticket, to supplement or urge instead of registering a new one.
  { id: 'hub.existingTickets', group: 'hub', defaultKeys: ['Alt+KeyF'], whileTyping: true },
  // The caller's earlier tickets in the screen pop (while it rings, too): view one, link the new ticket to it.
  { id: 'caller.nextHistory', group: 'ticket', defaultKeys: ['Alt+ArrowDown'], whileTyping: true },
  { id: 'caller.previousHistory', group: 'ticket', defaultKeys: ['Alt+ArrowUp'], whileTyping: true },
  { id: 'caller.linkHistory', group: 'ticket', defaultKeys: ['Alt+Shift+KeyR'], whileTyping: true },
  // 实训: the stage guide moves while the trainee types the ticket, so these work in fields too.
  { id: 'training.toggleGuide', group: 'training', defaultKeys: ['$mod+Shift+KeyG'], whileTyping: true },
  { id: 'training.nextStage', group: 'training', defaultKeys: ['Alt+KeyG'], whileTyping: true },
  { id: 'training.previousStage', group: 'training', defaultKeys: ['Alt+Shift+KeyG'], whileTyping: true },
  { id: 'training.practice', group: 'training', defaultKeys: ['Alt+KeyP'], whileTyping: true },
  { id: 'training.nextTurn', group: 'training', defaultKeys: ['Alt+KeyM'], whileTyping: true },
  { id: 'training.focusLead', group: 'training', defaultKeys: ['Alt+KeyB'], whileTyping: true },
  { id: 'training.endPractice', group: 'training', defaultKeys: ['Alt+Shift+KeyP'], whileTyping: true },
  { id: 'training.records', group: 'training', defaultKeys: ['Alt+KeyO'], whileTyping: true },
];

/**
 * Keys that act only while the focus is in one list of the right pane (the
 * supervisor's review queue, the alerts, the statistics): bound by that panel on its own
 * element, so ↑/↓ and single letters never reach the rest of the workbench.
 * Listed in the help overlay and remappable like the others.
 */
export const panelActionIds = [
  'review.next',
  'review.previous',
  'review.approve',
  'review.return',
  'alert.next',
  'alert.previous',
  'alert.toggleTickets',
  'alert.acknowledge',
  'stats.shift',
  'stats.today',
  'stats.week',
  'placement.last30',
  'placement.thisMonth',
  'placement.lastMonth',
] as const;
export type PanelActionId = (typeof panelActionIds)[number];
export type ShortcutScope = 'reviews' | 'alerts' | 'stats' | 'placement';

export interface PanelShortcutAction extends ShortcutAction<PanelActionId> {
  scope: ShortcutScope;
}

export const panelShortcutActions: readonly PanelShortcutAction[] = [
  { id: 'review.next', group: 'supervision', scope: 'reviews', defaultKeys: ['ArrowDown'], whileTyping: false },
  { id: 'review.previous', group: 'supervision', scope: 'reviews', defaultKeys: ['ArrowUp'], whileTyping: false },
  { id: 'review.approve', group: 'supervision', scope: 'reviews', defaultKeys: ['KeyA'], whileTyping: false },
  { id: 'review.return', group: 'supervision', scope: 'reviews', defaultKeys: ['KeyR'], whileTyping: false },
  { id: 'alert.next', group: 'supervision', scope: 'alerts', defaultKeys: ['ArrowDown'], whileTyping: false },
  { id: 'alert.previous', group: 'supervision', scope: 'alerts', defaultKeys: ['ArrowUp'], whileTyping: false },
  { id: 'alert.toggleTickets', group: 'supervision', scope: 'alerts', defaultKeys: ['Enter'], whileTyping: false },
  { id: 'alert.acknowledge', group: 'supervision', scope: 'alerts', defaultKeys: ['KeyK'], whileTyping: false },
  { id: 'stats.shift', group: 'supervision', scope: 'stats', defaultKeys: ['Digit1'], whileTyping: false },
  { id: 'stats.today', group: 'supervision', scope: 'stats', defaultKeys: ['Digit2'], whileTyping: false },
  { id: 'stats.week', group: 'supervision', scope: 'stats', defaultKeys: ['Digit3'], whileTyping: false },
  { id: 'placement.last30', group: 'supervision', scope: 'placement', defaultKeys: ['Digit1'], whileTyping: false },
  { id: 'placement.thisMonth', group: 'supervision', scope: 'placement', defaultKeys: ['Digit2'], whileTyping: false },
  { id: 'placement.lastMonth', group: 'supervision', scope: 'placement', defaultKeys: ['Digit3'], whileTyping: false },
];

/** The keys in force for an action: the operator's override if any, else the defaults. F1 always opens help. */
export function keysFor(action: BindableAction, overrides: Readonly<Record<string, string>>): string[] {
  const override = overrides[action.id];
  if (!override) return action.defaultKeys;
  return action.id === 'help.toggle' ? [...new Set(['F1', override])] : [override];
}

/** Shows a tinykeys combination the way it is printed on a keyboard: `$mod+Shift+KeyL` → `Ctrl + Shift + L`. */
export function displayKeys(combo: string, isMac: boolean): string {
  if (combo === 'Shift+?') return '?';
  return combo
    .split('+')
    .map((part) => (part === '$mod' ? (isMac ? '⌘' : 'Ctrl') : part.replace(/^(Key|Digit)/, '')))
    .join(' + ');
}
