import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { tinykeys } from 'tinykeys';
import type { ActionId, BindableAction, PanelActionId, ShortcutScope } from './actions';
import { keysFor, panelShortcutActions, shortcutActions } from './actions';

export type ActionHandlers = Record<ActionId, () => void>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** What a key does once it matched an action outside a field (or one allowed in fields); true when it acted. */
export type KeyAct<A> = (action: A, event: KeyboardEvent) => boolean;

/**
 * The one shortcut engine of the renderer: the workbench, the supervisors' panels and the
 * seat board all bind their actions through it. Binds each action's keys (the operator's
 * remapping in settings.shortcuts, else the defaults) on `target` (the window, or a panel's
 * element so its keys act only while the focus is inside), skips keys typed into a field
 * unless the action allows it, calls the latest `act`, and consumes the key when it acted.
 * Rebinds when the keys are remapped. `skipHandled`: a key an inner element already
 * handled (defaultPrevented) is left alone.
 */
export function useKeyBindings<A extends BindableAction>(
  target: RefObject<HTMLElement | null> | 'window',
  actions: readonly A[],
  overrides: Readonly<Record<string, string>>,
  act: KeyAct<A>,
  skipHandled = false,
): void {
  // Handlers change on every render; bind once per key map and call the latest ones.
  const latest = useRef(act);
  useEffect(() => {
    latest.current = act;
  });
  useEffect(() => {
    const element = target === 'window' ? window : target.current;
    if (!element) return;
    const bindings: Record<string, (event: KeyboardEvent) => void> = {};
    for (const action of actions) {
      for (const combo of keysFor(action, overrides)) {
        bindings[combo] = (event) => {
          if ((skipHandled && event.defaultPrevented) || (!action.whileTyping && isTyping(event.target))) return;
          if (latest.current(action, event)) event.preventDefault();
        };
      }
    }
    return tinykeys(element, bindings);
  }, [target, actions, overrides, skipHandled]);
}

/** Binds every workbench action to its keys on the window. */
export function useShortcuts(handlers: ActionHandlers, overrides: Readonly<Record<string, string>>): void {
  useKeyBindings('window', shortcutActions, overrides, (action) => {
    handlers[action.id]();
    return true;
  });
}

/** What a panel's key does; true when it acted (the key is then consumed). */
export type PanelHandler = (event: KeyboardEvent) => boolean;

const panelActionsOf: Record<ShortcutScope, readonly (typeof panelShortcutActions)[number][]> = {
  reviews: panelShortcutActions.filter((a) => a.scope === 'reviews'),
  alerts: panelShortcutActions.filter((a) => a.scope === 'alerts'),
  stats: panelShortcutActions.filter((a) => a.scope === 'stats'),
  placement: panelShortcutActions.filter((a) => a.scope === 'placement'),
};

/**
 * Binds one panel's actions (`panelShortcutActions` of that scope) on the
 * panel's own element: they act only while the focus is inside it.
 */
export function usePanelShortcuts<Id extends PanelActionId>(
  element: RefObject<HTMLElement | null>,
  scope: ShortcutScope,
  handlers: Record<Id, PanelHandler>,
  overrides: Readonly<Record<string, string>>,
): void {
  useKeyBindings(
    element,
    panelActionsOf[scope],
    overrides,
    (action, event) => (handlers as Partial<Record<PanelActionId, PanelHandler>>)[action.id]?.(event) ?? false,
    true,
  );
}
