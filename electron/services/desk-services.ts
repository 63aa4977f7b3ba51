import fs from 'node:fs';
import type { AppInfo, DeskEventName, DeskEventPayload } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { closeDatabase, schemaVersion } from './db/database';
import type { StorageRecovery } from './db/open-desk-database';
import type { QuickCheckOutcome } from './db/quick-check-off-thread';
import { checkAfterStart, openDeskDatabase } from './db/open-desk-database';
import type { DeskDatabase } from './db/database';
import { AppStateStore } from './app-state';
import { SettingsService } from './settings-service';
import type { DeskLogger } from './logger';
import { warnTo } from './logger';
import { Authorship } from './authorship';
import type { HostHandlers } from './desk-handlers';
import { deskHandlers } from './desk-handlers';
import { DispatchService } from './dispatch/dispatch-service';
import { TicketStore } from './tickets/ticket-store';
import { DeskSync } from './sync/desk-sync';
import { LearnedReplica } from './sync/learned-replica';
import { OutboxQueue } from './sync/outbox-queue';
import { KbService } from './kb/kb-service';

import { PhoneService } from './phone/phone-service';
import type { SecretStore } from './phone/secret-store';
import { FileKeySecretStore } from './phone/secret-store';
import { HubSession } from './hub/hub-session';
import { deskIdentity } from './hub/desk-identity';
import { DeskCredentials } from './hub/desk-credentials';
import { HandoverNotes } from './hub/handover-notes';
import { IntegritySchedule } from './db/integrity-schedule';
import type { AgentState } from '../../shared/phone/agent-state';
import { HubTicketReplica } from './sync/hub-ticket-replica';
import { TrainingService } from './training/training-service';
import { ShiftSummaryReader } from './shift/shift-summary-reader';
import { JoinRelay } from './phone/join-relay';

export type { HostHandlers } from './desk-handlers';

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
  /** Time between exchanges with the hub when all is well (default 15 s). */
  hubPollIntervalMs?: number;
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
  readonly storageRecovery: StorageRecovery | null;
  /** The integrity check of this file, running on a worker thread after start (see checkAfterStart). */
  readonly checkedAfterStart: Promise<QuickCheckOutcome | null>;
  private storageDamage: { reason: string } | null = null;
  readonly dispatch: DispatchService;
  readonly tickets: TicketStore;
  readonly outbox: OutboxQueue;
  readonly kb: KbService;
  /** What the hub learned from the centre's work, kept here and used by dispatch and knowledge search. */
  readonly learned: LearnedReplica;
  readonly sync: DeskSync;
  readonly phone: PhoneService;
  /** This database's desk id: a rebuilt database gets a new one, so the hub never mistakes its sequences. */
  readonly deskId: string;
  readonly hub: HubSession;
  /** This desk's enrolment at its hub: the desk credential, sealed like the SIP password. */
  readonly deskCredentials: DeskCredentials;
  readonly handover: HandoverNotes;
  readonly hubTickets: HubTicketReplica;
  readonly integrity: IntegritySchedule;
  /** 实训: the call script, practice scenarios and the trainees' practice results. */
  readonly training: TrainingService;
  /** The outgoing operator's shift summary, from this desk's rows. */
  readonly shiftSummary: ShiftSummaryReader;
  /** Who is writing (operator or seat), and the sync side told of each queued write. */
  readonly authorship: Authorship;
  /** The seat's agent state as the workbench last reported it. */
  private agentState: AgentState = 'signed_out';
  private readonly sinks = new Set<EventSink>();
  /** The seat board's join requests, on their way to the workbench's phone and back. */
  private readonly joins = new JoinRelay((request) => {
    this.emit('joinSeatCallRequested', request);
  });

  constructor(private readonly options: DeskServicesOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const opened = openDeskDatabase(options.dataDir);
    this.db = opened.db;
    this.storageRecovery = opened.recovery;
    if (opened.recovery) options.logger.error(opened.recovery, 'local database was damaged at start; kept aside, continuing on a fresh file');
    this.appState = new AppStateStore(this.db);
    this.settings = new SettingsService(this.appState);
    const warn = warnTo(options.logger);
    this.dispatch = new DispatchService(this.db, options.resourcesDir, { warn });
    this.tickets = new TicketStore(this.db);
    this.outbox = new OutboxQueue(this.db);
    // The first search opens the saved knowledge index and has a worker thread check it against the replica.
    this.kb = new KbService(this.db, options.resourcesDir, warn, (status) => {
      this.emit('kbSemanticStatusChanged', status);
    });
    void this.kb.useSemanticModel(this.settings.get().semanticModelPath);
    this.sync = new DeskSync(this.outbox, (status) => {
      this.emit('syncStatusChanged', status);
    });
    this.learned = new LearnedReplica(this.db, { dispatch: this.dispatch, kb: this.kb }, warn);
    this.learned.load();
    this.sync.learnedStatus = () => this.learned.status();
    let semanticModelPath = this.settings.get().semanticModelPath;
    this.settings.onChange((settings) => {
      this.emit('settingsChanged', settings);
      // A new folder, or the same one saved again after it was refused (its files may be in place now).
      if (settings.semanticModelPath === semanticModelPath && this.kb.semanticStatus().state !== 'failed') return;
      semanticModelPath = settings.semanticModelPath;
      // Set by the centre's engineer now: loaded now, not at the desk's first search.
      this.kb.start();
      void this.kb.useSemanticModel(semanticModelPath);
    });
    this.deskId = deskIdentity(this.appState);
    const secrets = options.secretStore ?? new FileKeySecretStore(options.dataDir);
    this.deskCredentials = new DeskCredentials(this.appState, secrets, this.deskId);
    this.sync.notEnrolled = () => {
      const { hubUrl } = this.settings.get();
      return hubUrl !== '' && this.deskCredentials.read(hubUrl) === null;
    };
    this.handover = new HandoverNotes(this.appState);
    this.hubTickets = new HubTicketReplica(this.db);
    this.hub = new HubSession({
      db: this.db,
      deskId: this.deskId,
      outbox: this.outbox,
      kb: this.kb,
      duties: this.dispatch.replica,
      directory: this.dispatch.directory,
      learned: this.learned,
      sync: this.sync,
      credentials: this.deskCredentials,
      labInsecureTransport: () => this.settings.get().labInsecureTransport,
      // A desk set up without a seat number takes the one it was enrolled as.
      onEnrolled: ({ seat }) => {
        if (!this.settings.get().seatId) this.settings.update({ seatId: seat });
      },
      pollIntervalMs: options.hubPollIntervalMs,
      onChange: (session) => {
        this.emit('hubSessionChanged', session);
      },
      onSeats: (message) => {
        this.emit('liveSeats', message);
      },
      onAlert: (alert) => {
        this.emit('liveAlert', alert);
      },
      onTickets: (tickets) => {
        this.emit('hubTicketsChanged', { ids: tickets.map((t) => t.id) });
      },
      onError: (error) => {
        warn('hub exchange failed', error);
      },
    });
    this.integrity = new IntegritySchedule({
      db: this.db,
      appState: this.appState,
      busy: () => this.agentState === 'on_call',
      onReport: (report) => {
        if (report.ok) options.logger.info(report, 'scheduled integrity check passed');
        else options.logger.error(report, 'scheduled integrity check found problems in the local database');
      },
    });
    this.integrity.start();
    this.phone = new PhoneService(this.db, this.appState, secrets, () => this.settings.get().labInsecureTransport);
    this.phone.settings.onChange((view) => {
      this.emit('phoneSettingsChanged', view);
    });
    this.authorship = new Authorship(this.hub, this.settings, this.sync);
    this.training = new TrainingService(this.db, options.resourcesDir, () => this.authorship.author(), warn);
    this.shiftSummary = new ShiftSummaryReader(this.db, this.outbox);
    options.logger.info({ dataDir: options.dataDir, schemaVersion: schemaVersion(this.db) }, 'desk services started');
    this.checkedAfterStart = this.checkInBackground();
  }

  /** Reports damage the way a refused write is reported (the workbench's storage-failure notice), and logs it. */
  private async checkInBackground(): Promise<QuickCheckOutcome | null> {
    try {
      const outcome = await checkAfterStart(this.options.dataDir);
      if (!outcome.ok) {
        this.storageDamage = { reason: outcome.reason };
        this.options.logger.error(outcome, 'integrity check after start found the local database damaged; it is kept aside at the next start');
        this.emit('storageDamaged', this.storageDamage);
      }
      return outcome;
    } catch (error) {
      this.options.logger.error({ err: error }, 'integrity check after start could not run');
      return null;
    }
  }

  /** Events go to every sink (each Electron window, each WebSocket). */
  addEventSink(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends DeskEventName>(event: E, payload: DeskEventPayload<E>): void {
    for (const sink of this.sinks) sink(event, payload);
  }

  /** DeskApi's handlers over these collaborators (see desk-handlers.ts), with the host's window handlers. */
  handlers(host: HostHandlers): DeskHandlers {
    const { logger, host: hostKind, version } = this.options;
    const setAgentState = (state: AgentState): void => {
      this.agentState = state;
    };
    const storageDamage = (): { reason: string } | null => this.storageDamage;
    return deskHandlers({ ...this.collaborators(), storageDamage, logger, host: hostKind, version, joins: this.joins, setAgentState }, host);
  }

  private collaborators() {
    const { db, settings, storageRecovery, integrity, hub, handover, hubTickets, authorship, phone, dispatch, tickets, kb, sync, outbox, training, shiftSummary } = this;
    return { db, settings, storageRecovery, integrity, hub, handover, hubTickets, authorship, phone, dispatch, tickets, kb, sync, outbox, training, shiftSummary };
  }

  close(): void {
    this.joins.close();
    this.sinks.clear();
    this.hub.close();
    this.integrity.stop();
    this.sync.close();
    this.kb.close();
    closeDatabase(this.db);
  }
}
