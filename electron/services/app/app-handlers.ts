import type { AppInfo } from '../../../shared/desk-api';
import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { StorageRecovery } from '../db/open-desk-database';
import type { DeskDatabase } from '../db/database';
import { schemaVersion } from '../db/database';
import type { IntegritySchedule } from '../db/integrity-schedule';
import type { DeskLogger } from '../logger';
import type { SettingsService } from '../settings-service';

export interface AppHandlerDeps {
  db: DeskDatabase;
  settings: SettingsService;
  storageRecovery: StorageRecovery | null;
  /** What the integrity check after start found, once it has. */
  storageDamage: () => { reason: string } | null;
  integrity: IntegritySchedule;
  logger: DeskLogger;
  host: AppInfo['host'];
  version: string;
}

/** The application itself: what it is, its settings, and the renderer's log lines. */
export const appHandlers = ({ db, settings, storageRecovery, storageDamage, integrity, logger, host, version }: AppHandlerDeps) =>
  ({
    getAppInfo: () => ({
      name: '12345 热线座席',
      version,
      host,
      platform: process.platform,
      schemaVersion: schemaVersion(db),
      storageRecovery,
      storageDamage: storageDamage(),
      lastIntegrityCheck: integrity.last(),
      capabilities: { detachKnowledgePane: host === 'electron' },
    }),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    log: ({ level, message, context }) => {
      logger[level]({ source: 'renderer', ...context }, message);
      return null;
    },
  }) satisfies Pick<DeskHandlers, 'getAppInfo' | 'getSettings' | 'updateSettings' | 'log'>;
