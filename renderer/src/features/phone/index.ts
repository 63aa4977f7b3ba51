/** The softphone (话机): the phone bar, its engine and store, and the phone's keyboard shortcuts. */
export { PhoneBar } from './PhoneBar';
export { phoneEngine } from './phone-engine';
export { useFocusedCall, usePhoneStore, useRingingCall } from './phone-store';
export { registrationColors } from './registration-colors';
export { phoneShortcutHandlers } from './use-phone-shortcuts';
