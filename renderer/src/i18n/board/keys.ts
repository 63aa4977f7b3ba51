import type { TKey } from '../keys';

// Codes and states of the board namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const boardShortcutKeys = {
  'help.toggle': 'board:shortcuts.help.toggle',
  'view.toggleTheme': 'board:shortcuts.view.toggleTheme',
  'view.toggleLanguage': 'board:shortcuts.view.toggleLanguage',
  'board.search': 'board:shortcuts.board.search',
  'board.alarmOnly': 'board:shortcuts.board.alarmOnly',
  'board.cycleState': 'board:shortcuts.board.cycleState',
  'board.clearFilters': 'board:shortcuts.board.clearFilters',
  'board.nextAlarm': 'board:shortcuts.board.nextAlarm',
  'board.previousAlarm': 'board:shortcuts.board.previousAlarm',
  'board.nextSeat': 'board:shortcuts.board.nextSeat',
  'board.previousSeat': 'board:shortcuts.board.previousSeat',
  'board.details': 'board:shortcuts.board.details',
  'board.listen': 'board:shortcuts.board.listen',
  'board.whisper': 'board:shortcuts.board.whisper',
  'board.barge': 'board:shortcuts.board.barge',
} as const satisfies Record<string, TKey>;

export const joinRefusalKeys = {
  not_supervisor: 'board:join.refused.not_supervisor',
  no_extension: 'board:join.refused.no_extension',
  not_on_call: 'board:join.refused.not_on_call',
  own_seat: 'board:join.refused.own_seat',
  no_phone: 'board:join.refused.no_phone',
  not_registered: 'board:join.refused.not_registered',
  busy: 'board:join.refused.busy',
  dial_failed: 'board:join.refused.dial_failed',
} as const satisfies Record<string, TKey>;

export const joinDiallingKeys = {
  listen: 'board:join.dialling.listen',
  whisper: 'board:join.dialling.whisper',
  barge: 'board:join.dialling.barge',
} as const satisfies Record<string, TKey>;

export const joinHintKeys = {
  listen: 'board:join.hints.listen',
  whisper: 'board:join.hints.whisper',
  barge: 'board:join.hints.barge',
} as const satisfies Record<string, TKey>;

export const joinModeKeys = {
  listen: 'board:join.modes.listen',
  whisper: 'board:join.modes.whisper',
  barge: 'board:join.modes.barge',
} as const satisfies Record<string, TKey>;
