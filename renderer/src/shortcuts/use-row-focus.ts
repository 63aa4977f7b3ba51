import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export interface RowFocus {
  /** The row index the focus goes to once the list has changed (after an action, or when asked), or null. */
  pendingFocusRef: RefObject<number | null>;
  /** Focuses the pending row (the last one if the list got shorter), the panel if there is none. */
  focusPending: () => void;
  rows: () => HTMLElement[];
  focusedRow: () => HTMLElement | null;
  /** ↑/↓: the next or previous row, from outside the list the first or last. */
  move: (step: 1 | -1) => boolean;
}

/**
 * Keyboard focus over a panel's list of rows (the alerts, the review queue):
 * a focus request (the panel's shortcut) puts the focus on the first row once
 * it is there, an action remembers where the focus should land when the list
 * changes, and ↑/↓ move between rows.
 */
export function useRowFocus(
  panel: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  rowSelector: string,
  stillLoading: () => boolean,
  focusRequest: number,
): RowFocus {
  const pendingFocusRef = useRef<number | null>(null);
  const rows = useCallback((): HTMLElement[] => [...(list.current?.querySelectorAll<HTMLElement>(rowSelector) ?? [])], [list, rowSelector]);

  const focusPending = useCallback((): void => {
    const index = pendingFocusRef.current;
    if (index === null) return;
    const all = rows();
    const row = all[Math.min(index, all.length - 1)];
    if (row) row.focus();
    else panel.current?.focus();
    // While the list is still being read, the first row takes the focus when it arrives.
    if (row || !stillLoading()) pendingFocusRef.current = null;
  }, [rows, panel, stillLoading]);

  useEffect(() => {
    if (focusRequest === 0) return;
    pendingFocusRef.current = 0;
    // The tab renders first when the shortcut switched to it.
    const timer = window.setTimeout(focusPending, 50);
    return () => {
      window.clearTimeout(timer);
    };
  }, [focusRequest, focusPending]);

  const focusedRow = (): HTMLElement | null => (document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(rowSelector) : null);

  const move = (step: 1 | -1): boolean => {
    const all = rows();
    if (all.length === 0) return false;
    const current = focusedRow();
    const index = current ? all.indexOf(current) : -1;
    all[index === -1 ? (step === 1 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, index + step))]?.focus();
    return true;
  };

  return { pendingFocusRef, focusPending, rows, focusedRow, move };
}
