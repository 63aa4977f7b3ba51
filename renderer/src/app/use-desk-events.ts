import { useEffect } from 'react';
import { desk } from '../desk/desk';
import { useSettingsStore } from '../stores/settings-store';

/** Follows what the services push: settings changed in another window, the pane docked by itself. */
export function useDeskEvents(): void {
  const settingsChanged = useSettingsStore((s) => s.settingsChanged);
  useEffect(() => desk.on('settingsChanged', settingsChanged), [settingsChanged]);
}
