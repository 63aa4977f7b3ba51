import { create } from 'zustand';
import type { DeskError } from '../../../shared/result';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { defaultSettings } from '../../../shared/settings';
import { desk } from '../desk/desk';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  lastError: DeskError | null;
  /** Loads the saved settings and follows changes made in other windows. */
  load: () => Promise<void>;
  update: (patch: SettingsPatch) => Promise<boolean>;
  settingsChanged: (settings: Settings) => void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: defaultSettings,
  loaded: false,
  lastError: null,
  load: async () => {
    const result = await desk.getSettings();
    if (result.ok) set({ settings: result.value, loaded: true, lastError: null });
    else set({ loaded: true, lastError: result.error });
  },
  update: async (patch) => {
    const result = await desk.updateSettings(patch);
    if (result.ok) set({ settings: result.value, lastError: null });
    else set({ lastError: result.error });
    return result.ok;
  },
  settingsChanged: (settings) => {
    set({ settings });
  },
}));

export const useLocale = (): Settings['locale'] => useSettingsStore((s) => s.settings.locale);
export const useTheme = (): Settings['theme'] => useSettingsStore((s) => s.settings.theme);
