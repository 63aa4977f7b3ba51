import { create } from 'zustand';

/**
 * The lead department of the ticket being written: the one chosen in the
 * transfer form, else the dispatch suggestion's first. The phone's transfer
 * directory lists that department's numbers first.
 */
interface DispatchLeadState {
  leadDepartmentId: string | null;
  leadChanged: (id: string | null) => void;
}

export const useDispatchLeadStore = create<DispatchLeadState>()((set) => ({
  leadDepartmentId: null,
  leadChanged: (leadDepartmentId) => {
    set({ leadDepartmentId });
  },
}));
