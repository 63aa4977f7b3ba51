import { create } from 'zustand';
import type { SemanticModelStatus } from '../../../../shared/kb/semantic-status';
import { desk } from '../../desk/desk';

/** The optional semantic model's state as the services report it, and whether its settings dialog is open. */
interface SemanticModelState {
  status: SemanticModelStatus;
  dialogOpen: boolean;
  /** Asks the services once (the status line mounts with the pane), then follows their events. */
  load: () => Promise<void>;
  statusChanged: (status: SemanticModelStatus) => void;
  dialogOpened: (open: boolean) => void;
}

export const useSemanticModelStore = create<SemanticModelState>()((set) => ({
  status: { state: 'off' },
  dialogOpen: false,
  load: async () => {
    const result = await desk.kbSemanticStatus();
    if (result.ok) set({ status: result.value });
  },
  statusChanged: (status) => {
    set({ status });
  },
  dialogOpened: (dialogOpen) => {
    set({ dialogOpen });
  },
}));

/** Alt+Shift+I: the semantic model's dialog (rendered by the knowledge pane). */
export function openSemanticModelDialog(): void {
  useSemanticModelStore.getState().dialogOpened(true);
}
