import { create } from 'zustand';

export type PhoneDialog = 'none' | 'transfer' | 'keypad' | 'settings' | 'selfCheck';

/** Which phone dialog is open, so keyboard shortcuts and buttons open the same ones. */
interface PhoneUiState {
  dialog: PhoneDialog;
  /** Bumped to ask the dial box to take the focus. */
  dialFocusRequest: number;
  dialogOpened: (dialog: PhoneDialog) => void;
  dialFocusRequested: () => void;
}

export const usePhoneUiStore = create<PhoneUiState>()((set) => ({
  dialog: 'none',
  dialFocusRequest: 0,
  dialogOpened: (dialog) => {
    set({ dialog });
  },
  dialFocusRequested: () => {
    set((s) => ({ dialFocusRequest: s.dialFocusRequest + 1 }));
  },
}));
