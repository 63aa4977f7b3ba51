import { z } from 'zod';
import { directoryEntrySchema } from '../dispatch/directory';
import { departmentSchema, dutySchema } from '../dispatch/responsibility';
import { articleSchema } from '../kb/article';
import { kbFeedbackInputSchema } from '../kb/search';
import { phoneLineSchema, ticketIdSchema } from '../tickets/ticket';
import { alertSchema, alertSettingsSchema } from './alerts';
import { auditEntrySchema, auditLogQuerySchema, unmaskInputSchema } from './audit';
import type { HubRole } from './auth';
import { accountSchema, createAccountInputSchema, loginInputSchema, sessionSchema, usernameSchema } from './auth';
import { deskCredentialSchema, deskEnrolmentSchema, enrolDeskInputSchema, enrolledDeskSchema, redeemInputSchema } from './desks';
import { departmentReplySchema, hubCallerHistorySchema, hubTicketSchema, returnReasonSchema, reviewDecisionSchema, ticketEventSchema, ticketNumberSchema } from './hub-ticket';
import { placementQuerySchema, placementSchema, traineeSchema } from './placement';
import { LEARNED_SNAPSHOT_MAX_BYTES, learnedAnswerSchema, learnedQuerySchema, learnedVersionSchema } from './learned';
import { liveFeedMessageSchema, presenceReportSchema, seatSchema } from './presence';
import { ticketStatsQuerySchema, ticketStatsSchema } from './stats';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from './sync';

/**
 * The desk ↔ hub contract: every route of the hub, declared once, without its
 * handler. The hub binds one handler to each name (server/src/hub-handlers.ts:
 * a route without a spec, or a spec without a handler, does not compile), the
 * OpenAPI document is generated from these specs, and the desk's hub client
 * (electron/services/sync/hub-http.ts) calls them by name.
 *
 * A new route: add its spec here, then its handler in the domain's
 * `server/src/<domain>/<domain>-handlers.ts`.
 */
export interface HubRouteSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Express-style: `:name` segments are the keys of `params`. */
  readonly path: `/v1/${string}`;
  readonly summary: string;
  /** Who may call it; `public` only for signing in, health and the API document. */
  readonly roles: readonly HubRole[] | 'public';
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** 200 unless said. */
  readonly status?: number;
  /** The largest answer the desk reads for this route (the client's general cap otherwise); larger is refused unread. */
  readonly maxResponseBytes?: number;
}

export const DESK_ROLES: readonly HubRole[] = ['operator', 'trainee', 'supervisor', 'admin'];
export const EVERYONE: readonly HubRole[] = [...DESK_ROLES, 'department'];
export const LEADERS: readonly HubRole[] = ['supervisor', 'admin'];

const ticketParams = z.strictObject({ id: ticketIdSchema });
const idParams = (pattern: z.ZodString) => z.strictObject({ id: pattern });
const dutyIdParams = idParams(z.string().regex(/^[A-Za-z0-9-]{1,20}$/));
const articleIdParams = idParams(z.string().regex(/^[A-Za-z0-9-]{1,40}$/));
const revisedArticleSchema = articleSchema.extend({ revision: z.number().int() });
const ok = z.object({ ok: z.literal(true) });
const limitQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export const hubApi = {
  login: { method: 'POST', path: '/v1/auth/login', summary: 'Sign in (a desk gives its desk id)', roles: 'public', body: loginInputSchema, response: sessionSchema },
  refreshSession: { method: 'POST', path: '/v1/auth/refresh', summary: 'Renew the token (at most one shift after the first sign-in)', roles: EVERYONE, response: sessionSchema },
  logout: { method: 'POST', path: '/v1/auth/logout', summary: 'Sign out (this session ends at once)', roles: EVERYONE, response: ok },
  setAccountDisabled: {
    method: 'PUT',
    path: '/v1/accounts/:username/disabled',
    summary: 'Disable or enable an account (disabling ends all its sessions at once)',
    roles: ['admin'],
    params: z.strictObject({ username: usernameSchema }),
    body: z.strictObject({ disabled: z.boolean() }),
    response: accountSchema,
  },
  rotateSigningKey: {
    method: 'POST',
    path: '/v1/signing-keys/rotate',
    summary: 'Rotate the token signing key (tokens signed with the old key stay valid until they expire)',
    roles: ['admin'],
    response: z.object({ keyId: z.string() }),
  },
  listAccounts: { method: 'GET', path: '/v1/accounts', summary: 'List accounts', roles: ['admin'], response: z.array(accountSchema) },
  createAccount: { method: 'POST', path: '/v1/accounts', summary: 'Create an account', roles: ['admin'], body: createAccountInputSchema, response: accountSchema, status: 201 },

  enrolDesk: {
    method: 'POST',
    path: '/v1/desks',
    summary: 'Enrol a desk (seat, team, extension) and get a one-time enrolment code',
    roles: ['admin'],
    body: enrolDeskInputSchema,
    response: enrolledDeskSchema,
    status: 201,
  },
  listDesks: { method: 'GET', path: '/v1/desks', summary: 'List desk enrolments', roles: ['admin'], response: z.array(deskEnrolmentSchema) },
  retireDesk: {
    method: 'POST',
    path: '/v1/desks/:id/retire',
    summary: 'Retire a desk enrolment (its sessions end at once)',
    roles: ['admin'],
    params: z.strictObject({ id: z.coerce.number().int().min(1) }),
    response: deskEnrolmentSchema,
  },
  redeemEnrolment: {
    method: 'POST',
    path: '/v1/desks/redeem',
    summary: 'A desk redeems a one-time enrolment code for its credential (wrong codes limited per source address)',
    roles: 'public',
    body: redeemInputSchema,
    response: deskCredentialSchema,
  },

  pushOutbox: {
    method: 'POST',
    path: '/v1/sync/push',
    summary: 'Push a desk’s queue (each entry idempotent, applied once by its sequence; a refused entry is answered with a reason code)',
    roles: DESK_ROLES,
    body: pushRequestSchema,
    response: pushResponseSchema,
  },
  pullChanges: { method: 'GET', path: '/v1/sync/pull', summary: 'Pull the changes after the cursor', roles: DESK_ROLES, query: pullQuerySchema, response: pullResponseSchema },

  findTicketByNumber: {
    method: 'GET',
    path: '/v1/ticket-numbers/:number',
    summary: 'Find a ticket by its number (a caller asks for progress, adds to it or urges it)',
    roles: DESK_ROLES,
    params: z.strictObject({ number: ticketNumberSchema }),
    response: hubTicketSchema,
  },
  readTicket: { method: 'GET', path: '/v1/tickets/:id', summary: 'Read a ticket', roles: EVERYONE, params: ticketParams, response: hubTicketSchema },
  ticketEvents: { method: 'GET', path: '/v1/tickets/:id/events', summary: 'A ticket’s trail of events (audit)', roles: EVERYONE, params: ticketParams, response: z.array(ticketEventSchema) },
  callerHistory: {
    method: 'GET',
    path: '/v1/callers/:number/history',
    summary: 'A caller’s tickets of the last 12 months and how often the same matter came up',
    roles: DESK_ROLES,
    // Any written form of the number; the caller is found by its line (shared/phone/phone-number.ts).
    params: z.strictObject({ number: phoneLineSchema }),
    query: z.strictObject({
      category1: z.string().max(40).optional(),
      category2: z.string().max(40).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      /** The ticket being written for this call: listed, never counted as its own repeat. */
      exclude: ticketIdSchema.optional(),
    }),
    response: hubCallerHistorySchema,
  },
  departmentInbox: { method: 'GET', path: '/v1/department/inbox', summary: 'Tickets transferred to this department that wait to be accepted or replied to', roles: ['department'], query: limitQuery, response: z.array(hubTicketSchema) },
  acceptTicket: { method: 'POST', path: '/v1/tickets/:id/accept', summary: 'Department accepts a ticket', roles: ['department', ...LEADERS], params: ticketParams, response: hubTicketSchema },
  returnTicket: {
    method: 'POST',
    path: '/v1/tickets/:id/return',
    summary: 'Department returns a ticket (with its reason)',
    roles: ['department', ...LEADERS],
    params: ticketParams,
    body: returnReasonSchema,
    response: hubTicketSchema,
  },
  replyToTicket: { method: 'POST', path: '/v1/tickets/:id/reply', summary: 'Department replies', roles: ['department', ...LEADERS], params: ticketParams, body: departmentReplySchema, response: hubTicketSchema },
  unmaskTicket: {
    method: 'POST',
    path: '/v1/tickets/:id/unmask',
    summary: 'Reveal a confidential ticket’s contact (with a reason, written to the audit log)',
    roles: LEADERS,
    params: ticketParams,
    body: unmaskInputSchema,
    response: hubTicketSchema,
  },
  auditLog: {
    method: 'GET',
    path: '/v1/audit-log',
    summary: 'Audit log: reveals of confidential contacts and caller-history lookups (append-only)',
    roles: ['admin'],
    query: auditLogQuerySchema,
    response: z.array(auditEntrySchema),
  },
  closeTicket: { method: 'POST', path: '/v1/tickets/:id/close', summary: 'Close a ticket', roles: LEADERS, params: ticketParams, response: hubTicketSchema },
  reviewQueue: { method: 'GET', path: '/v1/reviews', summary: 'Trainee review queue', roles: LEADERS, query: limitQuery, response: z.array(hubTicketSchema) },
  decideReview: {
    method: 'POST',
    path: '/v1/reviews/:id',
    summary: 'Review a trainee’s ticket: approve (the transfer goes out) or return (with a comment)',
    roles: LEADERS,
    params: ticketParams,
    body: reviewDecisionSchema,
    response: hubTicketSchema,
  },

  dutyList: {
    method: 'GET',
    path: '/v1/duty-list',
    summary: 'Departments and the responsibility list',
    roles: EVERYONE,
    response: z.object({ departments: z.array(departmentSchema), duties: z.array(dutySchema) }),
  },
  putDepartment: {
    method: 'PUT',
    path: '/v1/departments/:id',
    summary: 'Create or change a department',
    roles: ['admin'],
    params: idParams(departmentSchema.shape.id),
    body: departmentSchema.strict(),
    response: departmentSchema,
  },
  deleteDepartment: { method: 'DELETE', path: '/v1/departments/:id', summary: 'Retire a department (once the list no longer names it)', roles: ['admin'], params: idParams(departmentSchema.shape.id), response: ok },
  putDuty: { method: 'PUT', path: '/v1/duties/:id', summary: 'Create or change a responsibility-list entry', roles: LEADERS, params: dutyIdParams, body: dutySchema.strict(), response: dutySchema },
  deleteDuty: { method: 'DELETE', path: '/v1/duties/:id', summary: 'Delete a responsibility-list entry', roles: LEADERS, params: dutyIdParams, response: ok },
  directory: { method: 'GET', path: '/v1/directory', summary: 'Transfer directory (department switchboards, service lines and experts’ numbers)', roles: DESK_ROLES, response: z.array(directoryEntrySchema) },
  putDirectoryEntry: {
    method: 'PUT',
    path: '/v1/directory/:id',
    summary: 'Create or change a transfer-directory entry',
    roles: ['admin'],
    params: idParams(directoryEntrySchema.shape.id),
    body: directoryEntrySchema.strict(),
    response: directoryEntrySchema,
  },
  deleteDirectoryEntry: { method: 'DELETE', path: '/v1/directory/:id', summary: 'Delete a transfer-directory entry', roles: ['admin'], params: idParams(directoryEntrySchema.shape.id), response: ok },

  getArticle: { method: 'GET', path: '/v1/kb/articles/:id', summary: 'A knowledge article (current revision)', roles: EVERYONE, params: articleIdParams, response: revisedArticleSchema },
  putArticle: {
    method: 'PUT',
    path: '/v1/kb/articles/:id',
    summary: 'Publish a new revision of a knowledge article',
    roles: LEADERS,
    params: articleIdParams,
    body: articleSchema.strict(),
    response: revisedArticleSchema,
  },
  articleFeedback: { method: 'POST', path: '/v1/kb/feedback', summary: 'An operator’s feedback on a knowledge article', roles: DESK_ROLES, body: kbFeedbackInputSchema.strict(), response: ok, status: 201 },

  learnedSnapshot: {
    method: 'GET',
    path: '/v1/learned',
    summary: 'The dispatch model and knowledge expansions learned from the centre’s work (latest version; only the version number when the caller has it)',
    roles: DESK_ROLES,
    query: learnedQuerySchema,
    response: learnedAnswerSchema,
    maxResponseBytes: LEARNED_SNAPSHOT_MAX_BYTES,
  },
  retrainLearned: {
    method: 'POST',
    path: '/v1/learned/retrain',
    summary: 'Retrain now from tickets and article uses (every version is kept)',
    roles: ['admin'],
    response: learnedVersionSchema,
    status: 201,
  },

  reportPresence: { method: 'PUT', path: '/v1/presence', summary: 'Report a desk’s state', roles: DESK_ROLES, body: presenceReportSchema, response: seatSchema },
  listAlerts: {
    method: 'GET',
    path: '/v1/alerts',
    summary: 'Alerts (frequent, new, surging, repeat callers), unacknowledged first',
    roles: LEADERS,
    query: z.strictObject({ all: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.array(alertSchema),
  },
  acknowledgeAlert: {
    method: 'POST',
    path: '/v1/alerts/:id/ack',
    summary: 'Acknowledge an alert',
    roles: LEADERS,
    params: z.strictObject({ id: z.coerce.number().int().min(1) }),
    response: alertSchema,
  },
  alertSettings: { method: 'GET', path: '/v1/alert-settings', summary: 'Alert thresholds', roles: LEADERS, response: alertSettingsSchema },
  putAlertSettings: { method: 'PUT', path: '/v1/alert-settings', summary: 'Change the alert thresholds', roles: LEADERS, body: alertSettingsSchema, response: alertSettingsSchema },
  listSeats: { method: 'GET', path: '/v1/seats', summary: 'Every seat’s current state', roles: LEADERS, response: z.array(seatSchema) },
  listTrainees: { method: 'GET', path: '/v1/trainees', summary: 'List trainees', roles: LEADERS, response: z.array(traineeSchema) },
  placement: {
    method: 'GET',
    path: '/v1/trainees/:account/placement',
    summary: 'Placement record: calls, registered tickets, review results and practice scores by day and in total (a trainee sees only their own)',
    roles: ['trainee', ...LEADERS],
    params: z.strictObject({ account: usernameSchema }),
    query: placementQuerySchema,
    response: placementSchema,
  },
  ticketStats: {
    method: 'GET',
    path: '/v1/stats/tickets',
    summary: 'Statistics: for tickets registered in a period, how they were handled by hour, the most frequent matters, and each lead department’s response, solved and satisfaction rates',
    roles: LEADERS,
    query: ticketStatsQuerySchema,
    response: ticketStatsSchema,
  },

  health: { method: 'GET', path: '/v1/health', summary: 'Health check (the database answers)', roles: 'public', response: ok },
  openApiDocument: { method: 'GET', path: '/v1/openapi.json', summary: 'This document (OpenAPI 3.1)', roles: 'public', response: z.record(z.string(), z.unknown()) },
} as const satisfies Record<string, HubRouteSpec>;

export type HubApi = typeof hubApi;
export type HubRouteName = keyof HubApi;

/**
 * The supervisors' live feed: a WebSocket, not a request, so it sits beside
 * the table (OpenAPI has no words for it). Snapshot on connect, then one seat
 * or alert a message.
 */
export const hubLiveFeed = {
  path: '/v1/live',
  summary: 'Live seats and alerts (WebSocket: a snapshot, then one change a message)',
  roles: LEADERS,
  message: liveFeedMessageSchema,
} as const;

type Part<S, K extends 'params' | 'query' | 'body', IO extends 'input' | 'output'> = S extends { readonly [P in K]: infer T extends z.ZodType } ? (IO extends 'input' ? z.input<T> : z.output<T>) : undefined;

type Parts = 'params' | 'query' | 'body';
type Declared<K extends HubRouteName, P extends Parts> = Part<HubApi[K], P, 'input'> extends undefined ? never : P;

/**
 * What a caller sends for a route: only the parts its spec declares, as the
 * schemas accept them; a part whose every field is optional may be left out.
 */
export type HubRequest<K extends HubRouteName> = {
  [P in Parts as object extends Part<HubApi[K], P, 'input'> ? never : Declared<K, P>]: Part<HubApi[K], P, 'input'>;
} & {
  [P in Parts as object extends Part<HubApi[K], P, 'input'> ? Declared<K, P> : never]?: Part<HubApi[K], P, 'input'>;
};

/** What a handler receives for a route: the parts after parsing (defaults applied, strings coerced). */
export interface HubParsedRequest<K extends HubRouteName> {
  params: Part<HubApi[K], 'params', 'output'>;
  query: Part<HubApi[K], 'query', 'output'>;
  body: Part<HubApi[K], 'body', 'output'>;
}

/** The answer as the desk reads it, and as a handler must produce it. */
export type HubResponse<K extends HubRouteName> = z.output<HubApi[K]['response']>;
export type HubHandlerResult<K extends HubRouteName> = z.input<HubApi[K]['response']>;

type QueryValue = string | number | boolean | undefined | null;

/** `/v1/tickets/:id` with `{ id }` → `/v1/tickets/<id>`, each value URL-encoded. */
export function hubPath(path: string, params: Readonly<Record<string, QueryValue>> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** The query string (with its `?`, or empty) for the declared query: undefined values are left out. */
export function hubQueryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== null);
  if (entries.length === 0) return '';
  return `?${entries.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`).join('&')}`;
}
