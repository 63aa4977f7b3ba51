import { create } from 'zustand';
import type { DeskError } from '../../../shared/result';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { defaultSettings } from '../../../shared/settings-defaults';
import { desk } from '../desk/desk';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  lastError: DeskError | null;
  /** Loads the saved settings and follows changes made in other windows. */
  load: () => Promise<void>;
  update: (patch: SettingsPatch) => Promise<boolean>;
  /** 中文 ⇄ English, from the status bar, the board's header or Ctrl+Shift+L. */
  languageToggled: () => Promise<boolean>;
  /** Light ⇄ dark, from the status bar, the board's header or Ctrl+Shift+T. */
  themeToggled: () => Promise<boolean>;
  settingsChanged: (settings: Settings) => void;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
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
  languageToggled: () => get().update({ locale: get().settings.locale === 'zh-CN' ? 'en' : 'zh-CN' }),
  themeToggled: () => get().update({ theme: get().settings.theme === 'dark' ? 'light' : 'dark' }),
  settingsChanged: (settings) => {
    set({ settings });
  },
}));

export const useLocale = (): Settings['locale'] => useSettingsStore((s) => s.settings.locale);
export const useTheme = (): Settings['theme'] => useSettingsStore((s) => s.settings.theme);
