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
  login: { method: 'POST', path: '/v1/auth/login', summary: '登录（座席带上座席编号）', roles: 'public', body: loginInputSchema, response: sessionSchema },
  refreshSession: { method: 'POST', path: '/v1/auth/refresh', summary: '续期令牌（不超过首次登录起一个班次）', roles: EVERYONE, response: sessionSchema },
  logout: { method: 'POST', path: '/v1/auth/logout', summary: '退出登录（本次登录立即失效）', roles: EVERYONE, response: ok },
  setAccountDisabled: {
    method: 'PUT',
    path: '/v1/accounts/:username/disabled',
    summary: '停用或启用账号（停用立即结束其全部登录）',
    roles: ['admin'],
    params: z.strictObject({ username: usernameSchema }),
    body: z.strictObject({ disabled: z.boolean() }),
    response: accountSchema,
  },
  rotateSigningKey: {
    method: 'POST',
    path: '/v1/signing-keys/rotate',
    summary: '更换令牌签名密钥（旧密钥签发的令牌到期前仍有效）',
    roles: ['admin'],
    response: z.object({ keyId: z.string() }),
  },
  listAccounts: { method: 'GET', path: '/v1/accounts', summary: '账号列表', roles: ['admin'], response: z.array(accountSchema) },
  createAccount: { method: 'POST', path: '/v1/accounts', summary: '新建账号', roles: ['admin'], body: createAccountInputSchema, response: accountSchema, status: 201 },

  enrolDesk: {
    method: 'POST',
    path: '/v1/desks',
    summary: '登记座席（座席号、班组、分机），得到一次性登记码',
    roles: ['admin'],
    body: enrolDeskInputSchema,
    response: enrolledDeskSchema,
    status: 201,
  },
  listDesks: { method: 'GET', path: '/v1/desks', summary: '座席登记列表', roles: ['admin'], response: z.array(deskEnrolmentSchema) },
  retireDesk: {
    method: 'POST',
    path: '/v1/desks/:id/retire',
    summary: '停用座席登记（其会话随即失效）',
    roles: ['admin'],
    params: z.strictObject({ id: z.coerce.number().int().min(1) }),
    response: deskEnrolmentSchema,
  },
  redeemEnrolment: {
    method: 'POST',
    path: '/v1/desks/redeem',
    summary: '座席用一次性登记码换取本座席凭据（按来源地址限制错误次数）',
    roles: 'public',
    body: redeemInputSchema,
    response: deskCredentialSchema,
  },

  pushOutbox: {
    method: 'POST',
    path: '/v1/sync/push',
    summary: '推送座席队列（每项幂等，按序号只生效一次）',
    roles: DESK_ROLES,
    body: pushRequestSchema,
    response: pushResponseSchema,
  },
  pullChanges: { method: 'GET', path: '/v1/sync/pull', summary: '拉取游标之后的变更', roles: DESK_ROLES, query: pullQuerySchema, response: pullResponseSchema },

  findTicketByNumber: {
    method: 'GET',
    path: '/v1/ticket-numbers/:number',
    summary: '按工单编号查找工单（来电人查询进度、补充、催办）',
    roles: DESK_ROLES,
    params: z.strictObject({ number: ticketNumberSchema }),
    response: hubTicketSchema,
  },
  readTicket: { method: 'GET', path: '/v1/tickets/:id', summary: '查看工单', roles: EVERYONE, params: ticketParams, response: hubTicketSchema },
  ticketEvents: { method: 'GET', path: '/v1/tickets/:id/events', summary: '工单流转记录（审计）', roles: EVERYONE, params: ticketParams, response: z.array(ticketEventSchema) },
  callerHistory: {
    method: 'GET',
    path: '/v1/callers/:number/history',
    summary: '来电人近 12 个月的工单与同类诉求次数',
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
  departmentInbox: { method: 'GET', path: '/v1/department/inbox', summary: '转给本部门、待签收或待答复的工单', roles: ['department'], query: limitQuery, response: z.array(hubTicketSchema) },
  acceptTicket: { method: 'POST', path: '/v1/tickets/:id/accept', summary: '部门签收', roles: ['department', ...LEADERS], params: ticketParams, response: hubTicketSchema },
  returnTicket: {
    method: 'POST',
    path: '/v1/tickets/:id/return',
    summary: '部门退回（写明理由）',
    roles: ['department', ...LEADERS],
    params: ticketParams,
    body: returnReasonSchema,
    response: hubTicketSchema,
  },
  replyToTicket: { method: 'POST', path: '/v1/tickets/:id/reply', summary: '部门答复', roles: ['department', ...LEADERS], params: ticketParams, body: departmentReplySchema, response: hubTicketSchema },
  unmaskTicket: {
    method: 'POST',
    path: '/v1/tickets/:id/unmask',
    summary: '查看保密联络人（写明理由，记入审计日志）',
    roles: LEADERS,
    params: ticketParams,
    body: unmaskInputSchema,
    response: hubTicketSchema,
  },
  auditLog: {
    method: 'GET',
    path: '/v1/audit-log',
    summary: '审计日志：保密联络人的查看与来电历史查询（只增不改）',
    roles: ['admin'],
    query: auditLogQuerySchema,
    response: z.array(auditEntrySchema),
  },
  closeTicket: { method: 'POST', path: '/v1/tickets/:id/close', summary: '办结', roles: LEADERS, params: ticketParams, response: hubTicketSchema },
  reviewQueue: { method: 'GET', path: '/v1/reviews', summary: '实训审核队列', roles: LEADERS, query: limitQuery, response: z.array(hubTicketSchema) },
  decideReview: {
    method: 'POST',
    path: '/v1/reviews/:id',
    summary: '审核学员工单：通过（转办发出）或退回（附意见）',
    roles: LEADERS,
    params: ticketParams,
    body: reviewDecisionSchema,
    response: hubTicketSchema,
  },

  dutyList: {
    method: 'GET',
    path: '/v1/duty-list',
    summary: '部门与职责清单',
    roles: EVERYONE,
    response: z.object({ departments: z.array(departmentSchema), duties: z.array(dutySchema) }),
  },
  putDepartment: {
    method: 'PUT',
    path: '/v1/departments/:id',
    summary: '新增或修改部门',
    roles: ['admin'],
    params: idParams(departmentSchema.shape.id),
    body: departmentSchema.strict(),
    response: departmentSchema,
  },
  deleteDepartment: { method: 'DELETE', path: '/v1/departments/:id', summary: '停用部门（清单不再引用时）', roles: ['admin'], params: idParams(departmentSchema.shape.id), response: ok },
  putDuty: { method: 'PUT', path: '/v1/duties/:id', summary: '新增或修改职责条目', roles: LEADERS, params: dutyIdParams, body: dutySchema.strict(), response: dutySchema },
  deleteDuty: { method: 'DELETE', path: '/v1/duties/:id', summary: '删除职责条目', roles: LEADERS, params: dutyIdParams, response: ok },
  directory: { method: 'GET', path: '/v1/directory', summary: '转接通讯录（部门总机、服务专线与专家号码）', roles: DESK_ROLES, response: z.array(directoryEntrySchema) },
  putDirectoryEntry: {
    method: 'PUT',
    path: '/v1/directory/:id',
    summary: '新增或修改转接通讯录条目',
    roles: ['admin'],
    params: idParams(directoryEntrySchema.shape.id),
    body: directoryEntrySchema.strict(),
    response: directoryEntrySchema,
  },
  deleteDirectoryEntry: { method: 'DELETE', path: '/v1/directory/:id', summary: '删除转接通讯录条目', roles: ['admin'], params: idParams(directoryEntrySchema.shape.id), response: ok },

  getArticle: { method: 'GET', path: '/v1/kb/articles/:id', summary: '知识条目（当前修订）', roles: EVERYONE, params: articleIdParams, response: revisedArticleSchema },
  putArticle: {
    method: 'PUT',
    path: '/v1/kb/articles/:id',
    summary: '发布知识条目的新修订',
    roles: LEADERS,
    params: articleIdParams,
    body: articleSchema.strict(),
    response: revisedArticleSchema,
  },
  articleFeedback: { method: 'POST', path: '/v1/kb/feedback', summary: '话务员对知识条目的反馈', roles: DESK_ROLES, body: kbFeedbackInputSchema.strict(), response: ok, status: 201 },

  learnedSnapshot: {
    method: 'GET',
    path: '/v1/learned',
    summary: '中心工作中学到的派单模型与知识扩展（最新版本；已有该版本时只答版本号）',
    roles: DESK_ROLES,
    query: learnedQuerySchema,
    response: learnedAnswerSchema,
    maxResponseBytes: LEARNED_SNAPSHOT_MAX_BYTES,
  },
  retrainLearned: {
    method: 'POST',
    path: '/v1/learned/retrain',
    summary: '立即按工单与知识使用记录重新训练（保留每个版本）',
    roles: ['admin'],
    response: learnedVersionSchema,
    status: 201,
  },

  reportPresence: { method: 'PUT', path: '/v1/presence', summary: '上报座席状态', roles: DESK_ROLES, body: presenceReportSchema, response: seatSchema },
  listAlerts: {
    method: 'GET',
    path: '/v1/alerts',
    summary: '预警（多发、新发、爆发、重复来电），未确认的在前',
    roles: LEADERS,
    query: z.strictObject({ all: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.array(alertSchema),
  },
  acknowledgeAlert: {
    method: 'POST',
    path: '/v1/alerts/:id/ack',
    summary: '确认预警',
    roles: LEADERS,
    params: z.strictObject({ id: z.coerce.number().int().min(1) }),
    response: alertSchema,
  },
  alertSettings: { method: 'GET', path: '/v1/alert-settings', summary: '预警阈值', roles: LEADERS, response: alertSettingsSchema },
  putAlertSettings: { method: 'PUT', path: '/v1/alert-settings', summary: '修改预警阈值', roles: LEADERS, body: alertSettingsSchema, response: alertSettingsSchema },
  listSeats: { method: 'GET', path: '/v1/seats', summary: '全部座席当前状态', roles: LEADERS, response: z.array(seatSchema) },
  listTrainees: { method: 'GET', path: '/v1/trainees', summary: '实训学员名单', roles: LEADERS, response: z.array(traineeSchema) },
  placement: {
    method: 'GET',
    path: '/v1/trainees/:account/placement',
    summary: '实习档案：逐日与合计的通话、登记工单、审核结果、练习成绩（学员只能看自己的）',
    roles: ['trainee', ...LEADERS],
    params: z.strictObject({ account: usernameSchema }),
    query: placementQuerySchema,
    response: placementSchema,
  },
  ticketStats: {
    method: 'GET',
    path: '/v1/stats/tickets',
    summary: '统计：时段内登记工单的逐小时办理方式、高频诉求、各主办部门三率（响应率、解决率、满意率）',
    roles: LEADERS,
    query: ticketStatsQuerySchema,
    response: ticketStatsSchema,
  },

  health: { method: 'GET', path: '/v1/health', summary: '健康检查（数据库可用）', roles: 'public', response: ok },
  openApiDocument: { method: 'GET', path: '/v1/openapi.json', summary: '本文档（OpenAPI 3.1）', roles: 'public', response: z.record(z.string(), z.unknown()) },
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
  summary: '座席实况与预警（WebSocket，先快照，后逐条）',
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
