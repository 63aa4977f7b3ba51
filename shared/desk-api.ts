import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from './settings';
import { rejectedOutboxEntrySchema, syncStatusSchema } from './sync/status';
import { articleSchema } from './kb/article';
import { callerHistoryInputSchema, callerHistorySchema } from './tickets/caller-history';
import { ringHistoryInputSchema, ringHistorySchema } from './tickets/ring-history';
import { kbFeedbackInputSchema, kbHitSchema, kbSearchInputSchema } from './kb/search';
import { semanticModelStatusSchema } from './kb/semantic-status';
import { kbUseInputSchema } from './kb/kb-use';
import { centreRegionsSchema } from './dispatch/centre';
import { directoryHitSchema, directoryQuerySchema } from './dispatch/directory';
import { departmentSchema } from './dispatch/responsibility';
import { dispatchQuerySchema, dispatchSuggestionSchema } from './dispatch/suggestion';
import { savedDraftSchema, ticketDraftSchema, ticketRecordSchema } from './tickets/ticket-record';
import {
  answerTicketInputSchema,
  listTicketsInputSchema,
  matterCategorySchema,
  recordCallbackInputSchema,
  recordUnreachableInputSchema,
  registerTicketInputSchema,
  transferTicketInputSchema,
} from './tickets/ticket-api';
import { callRecordSchema, storedCallRecordSchema } from './phone/call-state';
import { deskSessionSchema, handoverNoteSchema, hubSignInInputSchema } from './hub/desk-session';
import { liveMessageSchema, presenceReportSchema, seatSchema } from './hub/presence';
import { alertSchema } from './hub/alerts';
import { ticketStatsInputSchema, ticketStatsSchema } from './hub/stats';
import { hubCallerHistorySchema, hubTicketSchema, reviewDecisionSchema, ticketNumberSchema } from './hub/hub-ticket';
import { phoneLineSchema, ticketIdSchema } from './tickets/ticket';
import { phoneSettingsPatchSchema, phoneSettingsViewSchema, sipCredentialsSchema } from './phone/phone-settings';
import { joinAnswerSchema, joinOutcomeSchema, joinRequestSchema, joinSeatCallInputSchema } from './phone/join-call';
import {
  listPracticeResultsInputSchema,
  practiceAudioInputSchema,
  practiceAudioSchema,
  practiceResultSchema,
  recordPracticeResultInputSchema,
  trainingMaterialSchema,
} from './training/practice';
import { shiftSummaryInputSchema, shiftSummarySchema } from './shift-summary';
import { placementQuerySchema, placementSchema, traineeSchema } from './hub/placement';
import { usernameSchema } from './hub/auth';
import { findTicketsInputSchema, followUpQueuedSchema, foundTicketsSchema, supplementTicketInputSchema, ticketTimelineSchema, urgeTicketInputSchema } from './tickets/existing-tickets';

/**
 * The one contract between the renderer and the desk's local services.
 *
 * Every method is declared here once, with a zod schema for its input and its
 * output. The preload bridge, the main-process handler table, the web host's
 * WebSocket server and its client are all derived from this object, so a
 * method cannot exist on one side only.
 *
 * To add a method: declare it here, give it its time limit in `desk-methods.ts`,
 * implement it in its domain's handler module
 * `electron/services/<domain>/<domain>-handlers.ts` (merged in
 * `electron/services/desk-handlers.ts`), or in a host's window handlers if it
 * needs a window, and TypeScript points at every other place that must follow.
 */

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

export const hostKinds = ['electron', 'web'] as const;
export type HostKind = (typeof hostKinds)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(hostKinds),
  platform: z.string(),
  schemaVersion: z.number().int(),
  /** Set when the local database was damaged at start and the desk moved on to a fresh file. */
  storageRecovery: z.object({ keptAt: z.string(), reason: z.string() }).nullable(),
  /** Set when the integrity check after start found this file damaged (the `storageDamaged` event, for a window opened later). */
  storageDamage: z.object({ reason: z.string() }).nullable(),
  /** The last scheduled full integrity check of the local database (daily, never during a call). */
  lastIntegrityCheck: z.object({ at: z.string(), ok: z.boolean(), problems: z.array(z.string()) }).nullable(),
  capabilities: z.object({
    /** The knowledge pane can move to its own window (Electron only). */
    detachKnowledgePane: z.boolean(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;

export const rendererLogSchema = z.object({
  level: z.enum(logLevels),
  message: z.string().min(1).max(2_000),
  context: z.record(z.string().max(60), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()])).optional(),
});

export const knowledgePaneStateSchema = z.object({ detached: z.boolean() });

/**
 * `openedByHost: false`: this host has no windows of its own (the web host), so the renderer opens
 * `/?view=board` itself (a browser tab named `seat-board`).
 */
export const seatBoardOpenedSchema = z.object({ openedByHost: z.boolean() });
export type SeatBoardOpened = z.infer<typeof seatBoardOpenedSchema>;

export const deskApiContract = {
  getAppInfo: method(z.undefined(), appInfoSchema),
  getSettings: method(z.undefined(), settingsSchema),
  /** Merges the patch into the saved settings; the whole result is validated before it is written. */
  updateSettings: method(settingsPatchSchema, settingsSchema),
  /** Records a renderer-side event in the desk's structured log. */
  log: method(rendererLogSchema, z.null()),
  /** Moves the knowledge pane to its own window (second display when there is one) or docks it back. */
  setKnowledgePaneDetached: method(knowledgePaneStateSchema, knowledgePaneStateSchema),
  /** Supervisors: opens the seat board in its own window (Electron: filling the second display), or brings it forward. */
  openSeatBoard: method(z.undefined(), seatBoardOpenedSchema),
  /** Top lead departments for a ticket from the local responsibility list, with the matched entries and why. */
  suggestDispatch: method(dispatchQuerySchema, z.array(dispatchSuggestionSchema)),
  listDepartments: method(z.undefined(), z.array(departmentSchema)),
  /** The transfer directory (replicated from the hub), ranked for what the operator typed. */
  searchDirectory: method(directoryQuerySchema, z.array(directoryHitSchema)),
  /** The two-level matter category tree of the responsibility list. */
  listMatterCategories: method(z.undefined(), z.array(matterCategorySchema)),
  /** The centre city's districts/counties (with development zones) and towns/streets. */
  listRegions: method(z.undefined(), centreRegionsSchema),
  /** Saves the form being typed (one draft per desk, so it survives a reload, a crash or a shift change). */
  saveTicketDraft: method(ticketDraftSchema, savedDraftSchema),
  loadTicketDraft: method(z.undefined(), savedDraftSchema.nullable()),
  clearTicketDraft: method(z.undefined(), z.null()),
  /** Stores the ticket and its outbox operation in one transaction and clears the draft. */
  registerTicket: method(registerTicketInputSchema, ticketRecordSchema),
  /** Closes a registered ticket as answered directly (直接答复). */
  answerTicket: method(answerTicketInputSchema, ticketRecordSchema),
  transferTicket: method(transferTicketInputSchema, ticketRecordSchema),
  recordCallback: method(recordCallbackInputSchema, ticketRecordSchema),
  recordUnreachable: method(recordUnreachableInputSchema, ticketRecordSchema),
  listTickets: method(listTicketsInputSchema, z.array(ticketRecordSchema)),
  /** A ticket the department returned (退回), taken up to re-dispatch (another lead and a reason) or answer. */
  takeUpReturnedTicket: method(z.object({ ticketId: ticketIdSchema }), ticketRecordSchema),
  /** The ticket a number names (关联工单): this desk's copy, else the hub's; NOT_FOUND when neither has it. */
  resolveTicketNumber: method(z.object({ number: ticketNumberSchema }), z.object({ id: ticketIdSchema, number: ticketNumberSchema })),
  /** One of this desk's tickets by id (to pick it up again, e.g. from the shift summary); null when it is not here. */
  findTicket: method(z.object({ ticketId: ticketIdSchema }), ticketRecordSchema.nullable()),
  /** An existing ticket by its number or the caller's number: this desk's, and every desk's from the hub when signed in. */
  findTickets: method(findTicketsInputSchema, foundTicketsSchema),
  /** A ticket's life (registration, transfers, sign-off, returns, replies, callbacks, supplements, urges), and what this desk still has queued for it. */
  ticketTimeline: method(z.object({ ticketId: ticketIdSchema }), ticketTimelineSchema),
  /** 补充: more facts for the department, queued for the hub (works offline). */
  supplementTicket: method(supplementTicketInputSchema, followUpQueuedSchema),
  /** 催办: the caller presses for progress, queued for the hub (works offline). */
  urgeTicket: method(urgeTicketInputSchema, followUpQueuedSchema),
  /** A caller's earlier tickets and whether they are a repeat caller (same number and matter within 30 days). */
  callerHistory: method(callerHistoryInputSchema, callerHistorySchema),
  /** The screen pop's history while the call rings: the hub's within a short budget, else the hub's last answer kept here (with its age) and this desk's own. */
  ringHistory: method(ringHistoryInputSchema, ringHistorySchema),
  /** Knowledge search as the operator types (local replica; works offline). */
  kbSearch: method(kbSearchInputSchema, z.array(kbHitSchema)),
  kbGetArticle: method(z.object({ id: z.string().min(1).max(40) }), articleSchema),
  /** 有用 / 已过时 / 有误, kept locally and sent to the hub's KB editors by the sync engine. */
  kbFeedback: method(kbFeedbackInputSchema, z.object({ id: z.number().int() })),
  /** An article opened, copied or marked 有用 after a query: queued for the hub, which learns from the centre's uses. */
  kbUse: method(kbUseInputSchema, z.object({ id: z.string() })),
  /** The optional semantic model (settings' semanticModelPath): off, loading, computing article vectors, in use, or refused and why. */
  kbSemanticStatus: method(z.undefined(), semanticModelStatusSchema),
  /** The link to the hub in words: connection, queued entries and their age, last success, last error. */
  getSyncStatus: method(z.undefined(), syncStatusSchema),
  /** Exchanges with the hub at once (the operator's "sync now"), then reports the status. */
  syncNow: method(z.undefined(), syncStatusSchema),
  /** Signs the operator in at the hub (settings' hubUrl) and starts syncing under that session. */
  hubSignIn: method(hubSignInInputSchema, deskSessionSchema),
  /** Stops syncing under this operator; the queue stays and goes out under the next operator's session, authored as it was. */
  hubSignOut: method(z.undefined(), z.null()),
  getHubSession: method(z.undefined(), deskSessionSchema.nullable()),
  /** The outgoing operator's note for the next shift on this desk (交接班). */
  getHandoverNote: method(z.undefined(), handoverNoteSchema.nullable()),
  setHandoverNote: method(z.object({ text: handoverNoteSchema.shape.text }), handoverNoteSchema),
  /** This desk's tickets as the hub last sent them (numbers, department replies, return reasons, reviews), most recently changed first. */
  listHubTickets: method(z.object({ limit: z.number().int().min(1).max(500).default(50) }), z.array(hubTicketSchema)),
  /** Supervisors: trainees' tickets waiting for review at the hub (online only). */
  listReviews: method(z.undefined(), z.array(hubTicketSchema)),
  /** Supervisors: approve a trainee's ticket (its transfer goes out) or return it with a comment (online only). */
  decideReview: method(z.object({ ticketId: ticketIdSchema, decision: reviewDecisionSchema }), hubTicketSchema),
  /** A caller's tickets of the last 12 months from every desk, as this operator may see them (online only; confidential ones masked). */
  hubCallerHistory: method(
    z.object({ number: phoneLineSchema, category: z.tuple([z.string().max(40), z.string().max(40)]).nullable(), excludeTicketId: ticketIdSchema.nullable().optional() }),
    hubCallerHistorySchema,
  ),
  /** Supervisors: early-warning alerts, open ones first (online only). */
  listAlerts: method(z.object({ includeAcknowledged: z.boolean() }), z.array(alertSchema)),
  acknowledgeAlert: method(z.object({ id: z.number().int().min(1) }), alertSchema),
  /** Supervisors: tickets registered in a window per hour by disposition, top matters, and each lead department's three rates (online only). */
  ticketStats: method(ticketStatsInputSchema, ticketStatsSchema),
  /** Every seat's state, for the supervisors' board (empty unless a supervisor or admin is signed in). */
  listSeats: method(z.undefined(), z.array(seatSchema)),
  /** The seat's agent state for the supervisors' board; best effort (false when no hub session). */
  reportPresence: method(presenceReportSchema, z.object({ delivered: z.boolean() })),
  /** Entries the hub refused for good (需处理): kept, shown, never retried. */
  listRejectedOutbox: method(z.undefined(), z.array(rejectedOutboxEntrySchema)),
  /** The SIP account and devices, without the password (only whether one is saved). */
  getPhoneSettings: method(z.undefined(), phoneSettingsViewSchema),
  /** Validates the whole result; `password` is sealed by the host's secret store, never kept in plain text. */
  updatePhoneSettings: method(phoneSettingsPatchSchema, phoneSettingsViewSchema),
  /** For the renderer's SIP user agent: the account with its password. */
  getSipCredentials: method(z.undefined(), sipCredentialsSchema),
  /**
   * Supervisors, from the seat board: the workbench's phone dials the PBX's join code for the seat's
   * extension (listen, whisper, barge). Refused (never thrown) when no supervisor is signed in, no
   * workbench with a phone answers within 5 s, or that phone is not registered or already on a call.
   */
  joinSeatCall: method(joinSeatCallInputSchema, joinOutcomeSchema),
  /** The workbench holding the phone answers a `joinSeatCallRequested` event; false when it came too late. */
  answerJoinSeatCall: method(joinAnswerSchema, z.object({ accepted: z.boolean() })),
  /** Keeps a finished call in the local store; recording the same call id again is a no-op. */
  recordCall: method(callRecordSchema, z.object({ stored: z.boolean() })),
  listCallRecords: method(z.object({ limit: z.number().int().min(1).max(500) }), z.array(storedCallRecordSchema)),
  /** Links a finished call's record to the ticket registered for it (after-call work). */
  linkCallToTicket: method(z.object({ callId: z.string().min(1).max(200), ticketId: z.string().min(1).max(80) }), z.object({ linked: z.boolean() })),
  /** 实训: the call-stage script and the practice scenarios shipped with the desk (offline). */
  getTrainingMaterial: method(z.undefined(), trainingMaterialSchema),
  /** A practice scenario's voice file, or null when the desk has none. */
  getPracticeAudio: method(practiceAudioInputSchema, practiceAudioSchema),
  /** Scores a practice call against its scenario and keeps the result on this desk (never a ticket, never the outbox). */
  recordPracticeResult: method(recordPracticeResultInputSchema, practiceResultSchema),
  /** The signed-in trainee's practice results (实训记录), newest first. */
  listPracticeResults: method(listPracticeResultsInputSchema, z.array(practiceResultSchema)),
  /** The operator's shift so far (班次小结): calls, tickets, what is left in the queue, drafts and callbacks; from this desk's database. */
  getShiftSummary: method(shiftSummaryInputSchema, shiftSummarySchema),
  /** Supervisors: the trainee accounts, for the placement record's picker (online only). */
  listTrainees: method(z.undefined(), z.array(traineeSchema)),
  /** Supervisors (and a trainee for their own): a trainee's placement record at the hub, per day and in total (online only). */
  getPlacement: method(z.object({ account: usernameSchema, range: placementQuerySchema }), placementSchema),
} as const;

/** Pushed from the services to every open workbench window. */
export const deskEventContract = {
  settingsChanged: settingsSchema,
  phoneSettingsChanged: phoneSettingsViewSchema,
  syncStatusChanged: syncStatusSchema,
  hubSessionChanged: deskSessionSchema.nullable(),
  /** The hub's live seat feed (supervisors): a snapshot on every (re)connect, then each change. */
  liveSeats: liveMessageSchema,
  /** An early-warning alert was raised, grew or was acknowledged (supervisors). */
  liveAlert: alertSchema,
  /** Tickets changed at the hub (department replies, review decisions) arrived. */
  hubTicketsChanged: z.object({ ids: z.array(z.string()) }),
  /** The seat board asked this desk's phone to join a seat's call; the tab holding the phone answers with answerJoinSeatCall. */
  joinSeatCallRequested: joinRequestSchema,
  /** An OS-wide phone shortcut was pressed (Electron only): the workbench answers or hangs up. */
  phoneShortcut: z.object({ action: z.enum(['answer', 'hangup']) }),
  /** The integrity check after start found the local database damaged: the desk keeps it aside at its next start. */
  storageDamaged: z.object({ reason: z.string() }),
  /** The semantic model's state changed (vector computation reports its progress this way). */
  kbSemanticStatusChanged: semanticModelStatusSchema,
} as const;

export type DeskContract = typeof deskApiContract;
export type DeskMethod = keyof DeskContract;
export type DeskInput<M extends DeskMethod> = z.input<DeskContract[M]['input']>;
export type DeskOutput<M extends DeskMethod> = z.output<DeskContract[M]['output']>;

export type DeskEvents = typeof deskEventContract;
export type DeskEventName = keyof DeskEvents;
export type DeskEventPayload<E extends DeskEventName> = z.output<DeskEvents[E]>;

export const deskMethods = Object.keys(deskApiContract) as DeskMethod[];
export const deskEventNames = Object.keys(deskEventContract) as DeskEventName[];

export function isDeskMethod(name: unknown): name is DeskMethod {
  return typeof name === 'string' && Object.hasOwn(deskApiContract, name);
}
