import { useEffect, useState } from 'react';
import type { ShiftSummary } from '../../../../shared/shift-summary';
import type { DeskError } from '../../../../shared/result';
import { desk } from '../../desk/desk';

export interface ShiftSummaryState {
  summary: ShiftSummary | null;
  error: DeskError | null;
}

/**
 * Reads the shift summary from the desk's services when `active` turns on
 * (the dialogs holding it are destroyed when hidden, so each opening reads
 * afresh), in the workbench's own time zone so the shift is the one the
 * status bar shows.
 */
export function useShiftSummary(active: boolean): ShiftSummaryState {
  const [state, setState] = useState<ShiftSummaryState>({ summary: null, error: null });
  useEffect(() => {
    if (!active) return;
    let live = true;
    void desk.getShiftSummary({ utcOffsetMinutes: -new Date().getTimezoneOffset() }).then((result) => {
      if (live) setState(result.ok ? { summary: result.value, error: null } : { summary: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [active]);
  return state;
}
