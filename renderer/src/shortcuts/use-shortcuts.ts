import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import type { ActionId, PanelActionId, ShortcutScope } from './actions';
import { keysFor, panelShortcutActions, shortcutActions } from './actions';

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

/** What a panel's key does; true when it acted (the key is then consumed). */
export type PanelHandler = (event: KeyboardEvent) => boolean;

/**
 * Binds one panel's actions (`panelShortcutActions` of that scope) on the
 * panel's own element: they act only while the focus is inside it.
 */
export function usePanelShortcuts<Id extends PanelActionId>(
  element: React.RefObject<HTMLElement | null>,
  scope: ShortcutScope,
  handlers: Record<Id, PanelHandler>,
  overrides: Readonly<Record<string, string>>,
): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const bindings: Record<string, (event: KeyboardEvent) => void> = {};
    for (const action of panelShortcutActions) {
      if (action.scope !== scope) continue;
      for (const combo of keysFor(action, overrides)) {
        bindings[combo] = (event) => {
          if (event.defaultPrevented || (!action.whileTyping && isTyping(event.target))) return;
          const handler = (latest.current as Partial<Record<PanelActionId, PanelHandler>>)[action.id];
          if (handler?.(event)) event.preventDefault();
        };
      }
    }
    return tinykeys(target, bindings);
  }, [element, scope, overrides]);
}
