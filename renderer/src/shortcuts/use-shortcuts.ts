import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import type { ActionId } from './actions';
import { keysFor, shortcutActions } from './actions';

export type ActionHandlers = Record<ActionId, () => void>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Binds every registered action to its keys on the window; rebinds when the operator remaps keys. */
export function useShortcuts(handlers: ActionHandlers, overrides: Readonly<Record<string, string>>): void {
  // Handlers change on every render; bind once per key map and call the latest ones.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const bindings: Record<string, (event: KeyboardEvent) => void> = {};
    for (const action of shortcutActions) {
      for (const combo of keysFor(action, overrides)) {
        bindings[combo] = (event) => {
          if (!action.whileTyping && isTyping(event.target)) return;
          event.preventDefault();
          latest.current[action.id]();
        };
      }
    }
    return tinykeys(window, bindings);
  }, [overrides]);
}
