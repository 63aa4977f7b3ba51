/**
 * The board's actions and their default keys, declared like the workbench's
 * (renderer/src/shortcuts/actions.ts): the board's help overlay (F1) lists
 * them from here, and an operator's remapping in settings.shortcuts applies
 * by the same ids. Help, theme and language keep the workbench's ids and keys.
 */
export const boardActionIds = [
  'help.toggle',
  'view.toggleTheme',
  'view.toggleLanguage',
  'board.search',
  'board.alarmOnly',
  'board.cycleState',
  'board.clearFilters',
  'board.nextAlarm',
  'board.previousAlarm',
  'board.nextSeat',
  'board.previousSeat',
  'board.details',
  'board.listen',
  'board.whisper',
  'board.barge',
] as const;
export type BoardActionId = (typeof boardActionIds)[number];

export interface BoardShortcut {
  id: BoardActionId;
  /** tinykeys syntax, as in the workbench's registry. */
  defaultKeys: string[];
  /** Whether the key also works while the cursor is in the search box. */
  whileTyping: boolean;
  /** Whether the key also works in the open seat details (they act on that seat). */
  inDetails?: boolean;
}

export const boardShortcuts: readonly BoardShortcut[] = [
  { id: 'help.toggle', defaultKeys: ['F1', 'Shift+?'], whileTyping: false },
  { id: 'board.search', defaultKeys: ['F3'], whileTyping: true },
  { id: 'board.alarmOnly', defaultKeys: ['Alt+KeyA'], whileTyping: true },
  { id: 'board.cycleState', defaultKeys: ['Alt+KeyS'], whileTyping: true },
  { id: 'board.clearFilters', defaultKeys: ['Alt+KeyC'], whileTyping: true },
  { id: 'board.nextAlarm', defaultKeys: ['Alt+KeyN'], whileTyping: true },
  { id: 'board.previousAlarm', defaultKeys: ['Alt+KeyP'], whileTyping: true },
  { id: 'board.nextSeat', defaultKeys: ['ArrowRight'], whileTyping: false },
  { id: 'board.previousSeat', defaultKeys: ['ArrowLeft'], whileTyping: false },
  { id: 'board.details', defaultKeys: ['Enter'], whileTyping: false },
  // Joining a call: the seat whose details are open, else the focused one.
  { id: 'board.listen', defaultKeys: ['KeyL'], whileTyping: false, inDetails: true },
  { id: 'board.whisper', defaultKeys: ['KeyW'], whileTyping: false, inDetails: true },
  { id: 'board.barge', defaultKeys: ['KeyB'], whileTyping: false, inDetails: true },
  { id: 'view.toggleTheme', defaultKeys: ['$mod+Shift+KeyT'], whileTyping: true },
  { id: 'view.toggleLanguage', defaultKeys: ['$mod+Shift+KeyL'], whileTyping: true },
];

/** The keys in force: the operator's override if any, else the defaults; F1 always opens help. */
export function boardKeysFor(action: BoardShortcut, overrides: Readonly<Record<string, string>>): string[] {
  const override = overrides[action.id];
  if (!override) return action.defaultKeys;
  return action.id === 'help.toggle' ? [...new Set(['F1', override])] : [override];
}

export function boardShortcutFor(id: BoardActionId): BoardShortcut {
  const action = boardShortcuts.find((a) => a.id === id);
  if (!action) throw new Error(`no board shortcut ${id}`);
  return action;
}
