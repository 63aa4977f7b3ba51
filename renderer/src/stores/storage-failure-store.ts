import { create } from 'zustand';
import type { StorageReason } from '../../../shared/storage-failure';

/** The latest write the local store refused (disk full, read-only...), until the operator acknowledges it. */
interface StorageFailureState {
  failure: { reason: StorageReason | null; method: string; at: number } | null;
  failed: (method: string, reason: StorageReason | null) => void;
  acknowledged: () => void;
}

export const useStorageFailureStore = create<StorageFailureState>()((set) => ({
  failure: null,
  failed: (method, reason) => {
    set({ failure: { method, reason, at: Date.now() } });
  },
  acknowledged: () => {
    set({ failure: null });
  },
}));
