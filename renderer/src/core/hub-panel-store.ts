import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { DeskError, Result } from '../../../shared/result';

/** What every panel showing something read from the hub has: the read's progress, its failure, a focus request. */
export interface HubPanelState {
  /** Whether the hub answered at least once. */
  loaded: boolean;
  loading: boolean;
  /** The last read's failure; cleared by the next answer. */
  error: DeskError | null;
  /** Bumped to ask the panel to take the focus (its tab's shortcut). */
  focusRequest: number;
  /** Reads from the hub again; only the latest read's answer is shown. */
  load: () => Promise<void>;
  focusRequested: () => void;
}

export type PanelSet<S> = (partial: Partial<S & HubPanelState> | ((state: S & HubPanelState) => Partial<S & HubPanelState>)) => void;

export interface HubRead<S> {
  get: () => S & HubPanelState;
  set: PanelSet<S>;
  /** False once a later read has started: a read in steps stops writing then. */
  isLatest: () => boolean;
}

/**
 * The one store factory for hub-backed panels (reviews, alerts, statistics, placement):
 * `initial` is the panel's own data, `read` asks the hub and answers the data to show,
 * `actions` adds the panel's own actions (a range chosen, a row acknowledged…). What was
 * shown stays on screen while a new read is under way; answers come back in any order
 * and only the latest read's is applied.
 */
export function createHubPanelStore<S extends object, A extends object>(
  initial: S,
  read: (context: HubRead<S>) => Promise<Result<Partial<S>>>,
  actions: (set: PanelSet<S>, get: () => S & HubPanelState & A) => A,
): UseBoundStore<StoreApi<S & HubPanelState & A>> {
  let latestRead = 0;
  return create<S & HubPanelState & A>()((set, get) => {
    const setPanel = set as PanelSet<S>;
    return {
      ...initial,
      loaded: false,
      loading: false,
      error: null,
      focusRequest: 0,
      load: async () => {
        const request = ++latestRead;
        const isLatest = () => request === latestRead;
        setPanel({ loading: true } as Partial<S & HubPanelState>);
        const setWhileLatest: PanelSet<S> = (partial) => {
          if (isLatest()) setPanel(partial);
        };
        const result = await read({ get, set: setWhileLatest, isLatest });
        if (!isLatest()) return;
        if (result.ok) setPanel({ ...result.value, loaded: true, loading: false, error: null } as Partial<S & HubPanelState>);
        else setPanel({ loading: false, error: result.error } as Partial<S & HubPanelState>);
      },
      focusRequested: () => {
        setPanel((s) => ({ focusRequest: s.focusRequest + 1 }) as Partial<S & HubPanelState>);
      },
      ...actions(setPanel, get),
    };
  });
}

/** A panel reads from the hub when first shown and each time its tab is shown again. */
export function useReadWhenShown(active: boolean, load: () => Promise<void>): void {
  const wasActive = useRef(false);
  useEffect(() => {
    if (active && !wasActive.current) void load();
    wasActive.current = active;
  }, [active, load]);
}

/** Each time the panel's focus request is bumped (its tab's shortcut), `focus` runs once the tab switch has rendered. */
export function useFocusRequest(focusRequest: number, focus: () => void): void {
  const latest = useRef(focus);
  useEffect(() => {
    latest.current = focus;
  });
  useEffect(() => {
    if (focusRequest === 0) return;
    const timer = window.setTimeout(() => {
      latest.current();
    }, 50);
    return () => {
      window.clearTimeout(timer);
    };
  }, [focusRequest]);
}
