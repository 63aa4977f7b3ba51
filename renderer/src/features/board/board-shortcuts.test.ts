import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../i18n/resources';
import { keysFor } from '../../shortcuts/actions';
import { boardActionIds, boardShortcutFor, boardShortcuts } from './board-shortcuts';

describe('board shortcuts', () => {
  it('registers every action once, each with a key and a label in both languages', () => {
    expect(boardShortcuts.map((a) => a.id).sort()).toEqual([...boardActionIds].sort());
    for (const action of boardShortcuts) {
      expect(action.defaultKeys.length).toBeGreaterThan(0);
      expect(zhCN.board.shortcuts[action.id]).toBeTruthy();
      expect(en.board.shortcuts[action.id]).toBeTruthy();
    }
  });

  it('never binds one key to two actions', () => {
    const keys = boardShortcuts.flatMap((a) => a.defaultKeys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lets plain keys fire only outside the search box', () => {
    for (const action of boardShortcuts) {
      const plain = action.defaultKeys.some((k) => !/^(F\d+|.*\+.*[A-Z].*)$/.test(k) || k === 'Shift+?');
      if (plain) expect(action.whileTyping).toBe(false);
    }
  });

  it('applies an operator override but keeps F1 for help', () => {
    expect(keysFor(boardShortcutFor('board.nextAlarm'), { 'board.nextAlarm': 'Alt+KeyJ' })).toEqual(['Alt+KeyJ']);
    expect(keysFor(boardShortcutFor('help.toggle'), { 'help.toggle': 'Alt+KeyH' })).toEqual(['F1', 'Alt+KeyH']);
  });
});
