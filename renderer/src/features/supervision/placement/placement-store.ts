import dayjs from 'dayjs';
import { create } from 'zustand';
import type { Placement, Trainee } from '../../../../../shared/hub/placement';
import type { DeskError } from '../../../../../shared/result';
import { desk } from '../../../desk/desk';
import type { PlacementRangeKind } from './placement-range';
import { placementRange } from './placement-range';

interface PlacementState {
  trainees: Trainee[];
  /** The trainee whose record is shown (the first of the list until the supervisor picks another). */
  account: string | null;
  rangeKind: PlacementRangeKind;
  /** The hub's last answer; kept on screen while a new one is read. */
  record: Placement | null;
  loading: boolean;
  error: DeskError | null;
  /** Bumped to ask the panel to put the focus on the trainee picker. */
  focusRequest: number;
  /** Reads the trainee list, then the chosen trainee's record. */
  load: () => Promise<void>;
  traineeChosen: (account: string) => void;
  rangeChosen: (kind: PlacementRangeKind) => void;
  focusRequested: () => void;
}

/** Answers come back in any order: only the latest request's is shown. */
let latestRequest = 0;

export const usePlacementStore = create<PlacementState>()((set, get) => ({
  trainees: [],
  account: null,
  rangeKind: 'last30',
  record: null,
  loading: false,
  error: null,
  focusRequest: 0,
  load: async () => {
    const request = ++latestRequest;
    set({ loading: true });
    const trainees = await desk.listTrainees();
    if (request !== latestRequest) return;
    if (!trainees.ok) {
      set({ loading: false, error: trainees.error });
      return;
    }
    const chosen = get().account;
    const account = chosen && trainees.value.some((u) => u.username === chosen) ? chosen : (trainees.value[0]?.username ?? null);
    set({ trainees: trainees.value, account });
    if (!account) {
      set({ record: null, loading: false, error: null });
      return;
    }
    const result = await desk.getPlacement({ account, range: placementRange(get().rangeKind, dayjs().format('YYYY-MM-DD')) });
    if (request !== latestRequest) return;
    if (result.ok) set({ record: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
  traineeChosen: (account) => {
    if (account === get().account && get().record?.account.username === account) return;
    set({ account });
    void get().load();
  },
  rangeChosen: (rangeKind) => {
    if (rangeKind === get().rangeKind) return;
    set({ rangeKind });
    void get().load();
  },
  focusRequested: () => {
    set((s) => ({ focusRequest: s.focusRequest + 1 }));
  },
}));
