import { describe, expect, it } from 'vitest';
import { actionIds, displayKeys, keysFor, panelActionIds, panelShortcutActions, shortcutActions } from './actions';
import { en, zhCN } from '../i18n/resources';

describe('shortcut registry', () => {
  it('registers every action once, each with a key and a label in both languages', () => {
    expect(shortcutActions.map((a) => a.id).sort()).toEqual([...actionIds].sort());
    for (const action of shortcutActions) {
      expect(action.defaultKeys.length).toBeGreaterThan(0);
      expect(zhCN.common.shortcuts.actions[action.id]).toBeTruthy();
      expect(en.common.shortcuts.actions[action.id]).toBeTruthy();
    }
    expect(panelShortcutActions.map((a) => a.id).sort()).toEqual([...panelActionIds].sort());
    for (const action of panelShortcutActions) {
      expect(action.defaultKeys.length).toBeGreaterThan(0);
      expect(zhCN.common.shortcuts.actions[action.id]).toBeTruthy();
      expect(en.common.shortcuts.actions[action.id]).toBeTruthy();
    }
  });

  it('never binds one key to two actions', () => {
    const keys = shortcutActions.flatMap((a) => a.defaultKeys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives each panel its own keys, none of them a workbench-wide key', () => {
    const global = new Set(shortcutActions.flatMap((a) => a.defaultKeys));
    for (const scope of ['reviews', 'alerts', 'stats', 'placement'] as const) {
      const keys = panelShortcutActions.filter((a) => a.scope === scope).flatMap((a) => a.defaultKeys);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(global.has(key)).toBe(false);
    }
  });

  it('lets printable keys fire only outside text fields', () => {
    for (const action of [...shortcutActions, ...panelShortcutActions]) {
      const printable = action.defaultKeys.some((k) => !/^(F\d+|.*\+.*[A-Z].*)$/.test(k) || k === 'Shift+?');
      if (printable) expect(action.whileTyping).toBe(false);
    }
  });

  it('applies an operator override but keeps F1 for help', () => {
    const help = shortcutActions.find((a) => a.id === 'help.toggle')!;
    const theme = shortcutActions.find((a) => a.id === 'view.toggleTheme')!;
    expect(keysFor(theme, { 'view.toggleTheme': 'Alt+KeyN' })).toEqual(['Alt+KeyN']);
    expect(keysFor(help, { 'help.toggle': 'Alt+KeyH' })).toEqual(['F1', 'Alt+KeyH']);
  });

  it('prints keys the way the keyboard shows them', () => {
    expect(displayKeys('$mod+Shift+KeyL', false)).toBe('Ctrl + Shift + L');
    expect(displayKeys('$mod+Shift+KeyL', true)).toBe('⌘ + Shift + L');
    expect(displayKeys('Alt+Digit1', false)).toBe('Alt + 1');
    expect(displayKeys('Shift+?', false)).toBe('?');
  });
});
