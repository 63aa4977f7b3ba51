import type { Settings, SettingsPatch } from '../../shared/settings';
import { settingsSchema } from '../../shared/settings';
import { defaultSettings } from '../../shared/settings-defaults';
import { DeskFailure } from '../../shared/result';
import { issuesOf } from '../../shared/desk-handlers';
import type { AppStateStore } from './app-state';

const SETTINGS_KEY = 'settings';

export class SettingsService {
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly store: AppStateStore) {}

  get(): Settings {
    // Fill keys added by newer builds from the defaults, keep what was saved.
    const saved = this.store.read(SETTINGS_KEY, settingsSchema.partial(), {});
    return { ...defaultSettings, ...saved };
  }

  update(patch: SettingsPatch): Settings {
    const next = { ...this.get(), ...patch };
    const checked = settingsSchema.safeParse(next);
    if (!checked.success) throw new DeskFailure('INVALID_INPUT', 'settings would be invalid', issuesOf(checked.error));
    const saved = this.store.write(SETTINGS_KEY, settingsSchema, checked.data);
    for (const listener of this.listeners) listener(saved);
    return saved;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
