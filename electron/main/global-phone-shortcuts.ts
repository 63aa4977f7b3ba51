import { globalShortcut } from 'electron';
import type { DeskLogger } from '../services/logger';

export type GlobalPhoneAction = 'answer' | 'hangup';

/** OS-wide defaults (Electron accelerator syntax); an operator remaps them in settings under `global.phone.*`. */
const defaults: Record<GlobalPhoneAction, string> = {
  answer: 'CommandOrControl+Alt+A',
  hangup: 'CommandOrControl+Alt+H',
};

/**
 * Answer and hang up from anywhere on the desk (the operator may be typing in
 * another program when a call rings). Registered once at start; a key that the
 * OS or another program already owns is logged and skipped, never fatal.
 */
export function registerGlobalPhoneShortcuts(
  overrides: Readonly<Record<string, string>>,
  fire: (action: GlobalPhoneAction) => void,
  logger: DeskLogger,
): () => void {
  for (const action of Object.keys(defaults) as GlobalPhoneAction[]) {
    const accelerator = overrides[`global.phone.${action}`] ?? defaults[action];
    try {
      if (!globalShortcut.register(accelerator, () => {
        fire(action);
      })) logger.warn({ accelerator, action }, 'global phone shortcut is taken by another program');
    } catch (error) {
      logger.warn({ accelerator, action, err: String(error) }, 'invalid global phone shortcut');
    }
  }
  return () => {
    globalShortcut.unregisterAll();
  };
}
