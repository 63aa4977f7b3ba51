import dayjs from 'dayjs';
import type { Placement, Trainee } from '../../../../../shared/hub/placement';
import { createHubPanelStore } from '../../../core/hub-panel-store';
import { desk } from '../../../desk/desk';
import type { PlacementRangeKind } from './placement-range';
import { placementRange } from './placement-range';

interface PlacementData {
  trainees: Trainee[];
  /** The trainee whose record is shown (the first of the list until the supervisor picks another). */
  account: string | null;
  rangeKind: PlacementRangeKind;
  /** The hub's last answer; kept on screen while a new one is read. */
  record: Placement | null;
}

interface PlacementActions {
  traineeChosen: (account: string) => void;
  rangeChosen: (kind: PlacementRangeKind) => void;
}

/** `load` reads the trainee list, then the chosen trainee's record; the focus request puts the focus on the trainee picker. */
export const usePlacementStore = createHubPanelStore<PlacementData, PlacementActions>(
  { trainees: [], account: null, rangeKind: 'last30', record: null },
  async ({ get, set }) => {
    const trainees = await desk.listTrainees();
    if (!trainees.ok) return trainees;
    const chosen = get().account;
    const account = chosen && trainees.value.some((u) => u.username === chosen) ? chosen : (trainees.value[0]?.username ?? null);
    set({ trainees: trainees.value, account });
    if (!account) return { ok: true, value: { record: null } };
    const result = await desk.getPlacement({ account, range: placementRange(get().rangeKind, dayjs().format('YYYY-MM-DD')) });
    return result.ok ? { ok: true, value: { record: result.value } } : result;
  },
  (set, get) => ({
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
  }),
);
