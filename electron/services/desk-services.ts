import fs from 'node:fs';
import type { AppInfo, DeskEventName, DeskEventPayload } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { closeDatabase, schemaVersion } from './db/database';
import type { StorageRecovery } from './db/open-desk-database';
import { openDeskDatabase } from './db/open-desk-database';
import type { DeskDatabase } from './db/database';
import { AppStateStore } from './app-state';
import { SettingsService } from './settings-service';
import { withStorageErrors } from './storage-errors';
import type { DeskLogger } from './logger';
import { DispatchService } from './dispatch/dispatch-service';
import { TicketStore } from './tickets/ticket-store';
import { DeskSync } from './sync/desk-sync';
import { OutboxQueue } from './sync/outbox-queue';
import { summariseHistory } from '../../shared/tickets/caller-history';
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
import { joinRoleRefusal, refused } from '../../shared/phone/join-call';

/**
 * The handlers a host supplies because they need its windows (Electron) or say it has none (web).
 * A host that leaves `openSeatBoard` out has no windows of its own: the renderer opens the board.
 */
export type HostHandlers = Pick<DeskHandlers, 'setKnowledgePaneDetached'> & Partial<Pick<DeskHandlers, 'openSeatBoard'>>;

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
  readonly dispatch: DispatchService;
  readonly tickets: TicketStore;
  readonly outbox: OutboxQueue;
  readonly kb: KbService;
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
    this.dispatch = new DispatchService(this.db, options.resourcesDir, {
      warn: (message, err) => {
        options.logger.warn({ err: err instanceof Error ? err.message : String(err) }, message);
      },
    });
    this.tickets = new TicketStore(this.db);
    this.outbox = new OutboxQueue(this.db);
    this.kb = new KbService(this.db, options.resourcesDir, (message, err) => {
      options.logger.warn({ err: err instanceof Error ? err.message : String(err) }, message);
    });
    this.sync = new DeskSync(this.outbox, (status) => {
      this.emit('syncStatusChanged', status);
    });
    this.settings.onChange((settings) => {
      this.emit('settingsChanged', settings);
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
        options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'hub exchange failed');
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
    this.training = new TrainingService(this.db, options.resourcesDir, () => this.author(), (message, err) => {
      options.logger.warn({ err: err instanceof Error ? err.message : String(err) }, message);
    });
    this.shiftSummary = new ShiftSummaryReader(this.db, this.outbox);
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
    return withStorageErrors({
      getAppInfo: () => ({
        name: '12345 热线座席',
        version: this.options.version,
        host: this.options.host,
        platform: process.platform,
        schemaVersion: schemaVersion(this.db),
        storageRecovery: this.storageRecovery,
        lastIntegrityCheck: this.integrity.last(),
        capabilities: { detachKnowledgePane: this.options.host === 'electron' },
      }),
      getSettings: () => this.settings.get(),
      updateSettings: (patch) => this.settings.update(patch),
      log: ({ level, message, context }) => {
        logger[level]({ source: 'renderer', ...context }, message);
        return null;
      },
      setKnowledgePaneDetached: host.setKnowledgePaneDetached,
      openSeatBoard: host.openSeatBoard ?? (() => ({ openedByHost: false })),
      suggestDispatch: (query) => this.dispatch.suggest(query),
      listDepartments: () => this.dispatch.departments(),
      listMatterCategories: () => this.dispatch.categories(),
      listRegions: () => this.dispatch.regions,
      saveTicketDraft: (draft) => this.tickets.saveDraft(this.draftKey(), draft),
      loadTicketDraft: () => this.tickets.loadDraft(this.draftKey()),
      clearTicketDraft: () => {
        this.tickets.clearDraft(this.draftKey());
        return null;
      },
      registerTicket: ({ registration, trainee }) =>
        this.queued(this.tickets.register(registration, { author: this.author(), trainee: trainee || this.hub.account()?.role === 'trainee', draftKey: this.draftKey() })),
      answerTicket: ({ ticketId, answer }) => this.queued(this.tickets.answer(ticketId, answer)),
      transferTicket: ({ ticketId, transfer }) => this.queued(this.tickets.transfer(ticketId, transfer)),
      recordCallback: ({ ticketId, callback }) => {
        // A department's reply reached the desk through the hub: the local record catches up before the callback.
        this.hubTickets.alignForCallback(ticketId);
        return this.queued(this.tickets.recordCallback(ticketId, callback));
      },
      listTickets: ({ limit }) => this.tickets.list(limit),
      callerHistory: ({ number, category, limit }) => {
        const tickets = this.tickets.byCallerNumber(number, limit ?? 20);
        return { tickets, ...summariseHistory(tickets, new Date(), category ?? null) };
      },
      kbSearch: (input) => this.kb.search(input),
      kbGetArticle: ({ id }) => this.kb.getArticle(id),
      kbFeedback: (feedback) => this.kb.recordFeedback(feedback, this.author()),
      getSyncStatus: () => this.sync.status(),
      syncNow: () => this.sync.syncNow(),
      hubSignIn: ({ username, password, enrolmentCode }) => this.hub.signIn(this.settings.get().hubUrl, username, password, enrolmentCode),
      hubSignOut: async () => {
        await this.hub.signOut();
        return null;
      },
      getHubSession: () => this.hub.view(),
      listSeats: () => this.hub.seats(),
      listAlerts: ({ includeAcknowledged }) => this.hub.call('listAlerts', { query: { all: includeAcknowledged ? 'true' : 'false' } }),
      acknowledgeAlert: ({ id }) => this.hub.call('acknowledgeAlert', { params: { id } }),
      listReviews: () => this.hub.call('reviewQueue'),
      ticketStats: ({ from, to, top }) => this.hub.call('ticketStats', { query: { from, to, top } }),
      decideReview: ({ ticketId, decision }) => this.hub.call('decideReview', { params: { id: ticketId }, body: decision }),
      hubCallerHistory: ({ number, category }) =>
        this.hub.call('callerHistory', { params: { number }, query: { limit: 50, ...(category ? { category1: category[0], category2: category[1] } : {}) } }),
      getHandoverNote: () => this.handover.read(),
      setHandoverNote: ({ text }) => this.handover.write(this.author(), text),
      listHubTickets: ({ limit }) => this.hubTickets.list(limit),
      reportPresence: async (report) => {
        this.agentState = report.state;
        return { delivered: await this.hub.reportPresence(report) };
      },
      joinSeatCall: async (input) => {
        const refusal = joinRoleRefusal(this.hub.account()?.role);
        const outcome = refusal ? refused(refusal) : await this.joins.request(input);
        // Who joined whose call and how: supervisors' interventions are asked about afterwards.
        logger.info({ join: input, by: this.hub.account()?.username ?? null, outcome }, 'supervisor join requested');
        return outcome;
      },
      answerJoinSeatCall: ({ requestId, outcome }) => ({ accepted: this.joins.answer(requestId, outcome) }),
      listRejectedOutbox: () => this.outbox.rejected().map(({ seq, author, kind, ticketId, createdAt, reason, rejectedAt }) => ({ seq, author, kind, ticketId, createdAt, reason, rejectedAt })),
      ...this.phone.handlers(),
      ...this.training.handlers(),
      // A practice result is queued for the hub's placement record with the result itself.
      recordPracticeResult: (input) => this.queued(this.training.record(input)),
      getShiftSummary: ({ utcOffsetMinutes }) =>
        this.shiftSummary.read({
          operator: this.author(),
          draftKey: this.draftKey(),
          signedInAt: this.hub.signedInAt(),
          rotation: this.settings.get().shift,
          utcOffsetMinutes,
          now: Date.now(),
        }),
      listTrainees: () => this.hub.call('listTrainees'),
      getPlacement: ({ account, range }) => this.hub.call('placement', { params: { account }, query: { from: range.from, to: range.to } }),
    });
  }

  /**
   * Who is writing: the signed-in operator; without a hub session, the seat
   * (`seat:A-017`), which the hub accepts from the desk's queue and records
   * together with the account that later delivers it.
   */
  private author(): string {
    return this.hub.account()?.username ?? `seat:${this.settings.get().seatId || 'desk'}`;
  }

  /** Each operator has their own draft; without a hub session the desk keeps one shared draft. */
  private draftKey(): string {
    const account = this.hub.account();
    return account ? `operator:${account.username}` : 'current';
  }

  /** A ticket write has queued an outbox entry: tell the sync side and the status bar. */
  private queued<T>(result: T): T {
    this.sync.queued();
    return result;
  }

  close(): void {
    this.joins.close();
    this.sinks.clear();
    this.hub.close();
    this.integrity.stop();
    this.sync.close();
    closeDatabase(this.db);
  }
}
