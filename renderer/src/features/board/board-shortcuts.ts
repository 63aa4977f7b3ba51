import type { BindableAction } from '../../shortcuts/actions';

/**
 * The board's actions and their default keys, declared like the workbench's
 * (renderer/src/shortcuts/actions.ts): the board's help overlay (F1) lists
 * them from here, the shortcut engine (renderer/src/shortcuts) binds them, and
 * an operator's remapping in settings.shortcuts applies
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

/** `whileTyping`: whether the key also works while the cursor is in the search box. */
export interface BoardShortcut extends BindableAction<BoardActionId> {
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

export function boardShortcutFor(id: BoardActionId): BoardShortcut {
  const action = boardShortcuts.find((a) => a.id === id);
  if (!action) throw new Error(`no board shortcut ${id}`);
  return action;
}
