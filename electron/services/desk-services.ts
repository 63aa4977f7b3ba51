import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo, DeskEventName, DeskEventPayload } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { closeDatabase, openDatabase, schemaVersion } from './db/database';
import type { DeskDatabase } from './db/database';
import { AppStateStore } from './app-state';
import { SettingsService } from './settings-service';
import type { DeskLogger } from './logger';
import { PhoneService } from './phone/phone-service';
import type { SecretStore } from './phone/secret-store';
import { FileKeySecretStore } from './phone/secret-store';

/** The handlers a host supplies because they need its windows (Electron) or say it has none (web). */
export type HostHandlers = Pick<DeskHandlers, 'setKnowledgePaneDetached'>;

export interface DeskServicesOptions {
  /** Folder for the database; created if missing. */
  dataDir: string;
  /**
   * The shipped data (seed KB, responsibility list, regions): `resources/` of the repo in
   * development, `<resourcesPath>/resources` in a packaged app. Hosts pass it; services never guess.
   */
  resourcesDir: string;
  host: AppInfo['host'];
  version: string;
  logger: DeskLogger;
  /** Seals the SIP password: the OS keychain under Electron; a key file in `dataDir` when omitted. */
  secretStore?: SecretStore;
}

export type EventSink = <E extends DeskEventName>(event: E, payload: DeskEventPayload<E>) => void;

/**
 * The desk's local core, the same under Electron, the web host and tests: it
 * owns the single SQLite connection and everything that reads or writes it.
 */
export class DeskServices {
  readonly db: DeskDatabase;
  readonly appState: AppStateStore;
  readonly settings: SettingsService;
  readonly phone: PhoneService;
  private readonly sinks = new Set<EventSink>();

  constructor(private readonly options: DeskServicesOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.db = openDatabase(path.join(options.dataDir, 'desk.sqlite3'));
    this.appState = new AppStateStore(this.db);
    this.settings = new SettingsService(this.appState);
    this.settings.onChange((settings) => {
      this.emit('settingsChanged', settings);
    });
    this.phone = new PhoneService(this.db, this.appState, options.secretStore ?? new FileKeySecretStore(options.dataDir));
    this.phone.settings.onChange((view) => {
      this.emit('phoneSettingsChanged', view);
    });
    options.logger.info({ dataDir: options.dataDir, schemaVersion: schemaVersion(this.db) }, 'desk services started');
  }

  /** Events go to every sink (each Electron window, each WebSocket). */
  addEventSink(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends DeskEventName>(event: E, payload: DeskEventPayload<E>): void {
    for (const sink of this.sinks) sink(event, payload);
  }

  handlers(host: HostHandlers): DeskHandlers {
    const { logger } = this.options;
    return {
      getAppInfo: () => ({
        name: '12345 热线座席',
        version: this.options.version,
        host: this.options.host,
        platform: process.platform,
        schemaVersion: schemaVersion(this.db),
        capabilities: { detachKnowledgePane: this.options.host === 'electron' },
      }),
      getSettings: () => this.settings.get(),
      updateSettings: (patch) => this.settings.update(patch),
      log: ({ level, message, context }) => {
        logger[level]({ source: 'renderer', ...context }, message);
        return null;
      },
      setKnowledgePaneDetached: host.setKnowledgePaneDetached,
      ...this.phone.handlers(),
    };
  }

  close(): void {
    this.sinks.clear();
    closeDatabase(this.db);
  }
}
