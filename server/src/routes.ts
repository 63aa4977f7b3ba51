import { z } from 'zod';
import { departmentSchema, dutySchema } from '../../shared/dispatch/responsibility';
import { articleSchema } from '../../shared/kb/article';
import { kbFeedbackInputSchema } from '../../shared/kb/search';
import { accountSchema, createAccountInputSchema, loginInputSchema, sessionSchema, usernameSchema } from '../../shared/hub/auth';
import type { HubRole } from '../../shared/hub/auth';
import { departmentReplySchema, hubCallerHistorySchema, hubTicketSchema, returnReasonSchema, reviewDecisionSchema, ticketEventSchema } from '../../shared/hub/hub-ticket';
import { presenceReportSchema, seatSchema } from '../../shared/hub/presence';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../shared/hub/sync';
import { phoneNumberSchema, ticketIdSchema } from '../../shared/tickets/ticket';
import { createAccount, listAccounts, login, logout, refresh, setAccountDisabled } from './accounts/accounts';
import { rotateSigningKey } from './auth/signing-keys';
import { deskCredentialSchema, deskEnrolmentSchema, enrolDeskInputSchema, enrolledDeskSchema, redeemInputSchema } from '../../shared/hub/desks';
import { enrolDesk, listDesks, redeemEnrolment, retireDesk } from './desks/enrolment';
import { deleteDepartment, deleteDuty, dutyList, getArticle, putArticle, putDepartment, putDuty, recordArticleFeedback } from './catalogue/catalogue';
import { HubFailure } from './http/failure';
import { route } from './http/route';
import type { RouteSpec } from './http/route';
import { reportPresence, seats } from './presence/presence';
import { alertSchema, alertSettingsSchema } from '../../shared/hub/alerts';
import { acknowledgeAlert, listAlerts } from './alerts/alert-reads';
import { readAlertSettings, writeAlertSettings } from './alerts/alert-settings';
import { ticketStatsQuerySchema, ticketStatsSchema } from '../../shared/hub/stats';
import { ticketStats } from './stats/ticket-stats';
import { placementQuerySchema, placementSchema, traineeSchema } from '../../shared/hub/placement';
import { listTrainees, placementRecord } from './training/placement';
import { pullChanges } from './sync/pull';
import { auditEntrySchema, auditLogQuerySchema, unmaskInputSchema } from '../../shared/hub/audit';
import { readAuditLog, unmaskTicket } from './audit/audit-log';
import { applyPush } from './sync/push';
import { acceptTicket, closeTicket, replyToTicket, returnTicket, reviewTicket } from './tickets/ticket-actions';
import { callerHistory, departmentInbox, readTicket, reviewQueue, ticketEvents } from './tickets/ticket-queries';

const DESK_ROLES: readonly HubRole[] = ['operator', 'trainee', 'supervisor', 'admin'];
const EVERYONE: readonly HubRole[] = [...DESK_ROLES, 'department'];
const LEADERS: readonly HubRole[] = ['supervisor', 'admin'];

const ticketParams = z.strictObject({ id: ticketIdSchema });
const idParams = (pattern: z.ZodString) => z.strictObject({ id: pattern });
const ok = z.object({ ok: z.literal(true) });
const limitQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** Every route of the hub, in one place: method, path, roles, schemas, handler. */
export const hubRoutes: readonly RouteSpec[] = [
  route({
    method: 'POST',
    url: '/v1/auth/login',
    summary: '登录（座席带上座席编号）',
    roles: 'public',
    body: loginInputSchema,
    response: sessionSchema,
    handler: ({ hub, body, ip }) => login(hub, body, ip),
  }),
  route({ method: 'POST', url: '/v1/auth/refresh', summary: '续期令牌（不超过首次登录起一个班次）', roles: EVERYONE, response: sessionSchema, handler: ({ hub, user }) => refresh(hub, user) }),
  route({ method: 'POST', url: '/v1/auth/logout', summary: '退出登录（本次登录立即失效）', roles: EVERYONE, response: ok, handler: ({ hub, user }) => logout(hub, user) }),
  route({
    method: 'PUT',
    url: '/v1/accounts/:username/disabled',
    summary: '停用或启用账号（停用立即结束其全部登录）',
    roles: ['admin'],
    params: z.strictObject({ username: usernameSchema }),
    body: z.strictObject({ disabled: z.boolean() }),
    response: accountSchema,
    handler: ({ hub, params, body }) => setAccountDisabled(hub, params.username, body.disabled),
  }),
  route({
    method: 'POST',
    url: '/v1/signing-keys/rotate',
    summary: '更换令牌签名密钥（旧密钥签发的令牌到期前仍有效）',
    roles: ['admin'],
    response: z.object({ keyId: z.string() }),
    handler: ({ hub }) => rotateSigningKey(hub.sql),
  }),
  route({ method: 'GET', url: '/v1/accounts', summary: '账号列表', roles: ['admin'], response: z.array(accountSchema), handler: ({ hub }) => listAccounts(hub.sql) }),
  route({
    method: 'POST',
    url: '/v1/accounts',
    summary: '新建账号',
    roles: ['admin'],
    body: createAccountInputSchema,
    response: accountSchema,
    status: 201,
    handler: ({ hub, body }) => createAccount(hub.sql, body),
  }),

  route({
    method: 'POST',
    url: '/v1/desks',
    summary: '登记座席（座席号、班组、分机），得到一次性登记码',
    roles: ['admin'],
    body: enrolDeskInputSchema,
    response: enrolledDeskSchema,
    status: 201,
    handler: ({ hub, user, body }) => enrolDesk(hub, user, body),
  }),
  route({ method: 'GET', url: '/v1/desks', summary: '座席登记列表', roles: ['admin'], response: z.array(deskEnrolmentSchema), handler: ({ hub }) => listDesks(hub) }),
  route({
    method: 'POST',
    url: '/v1/desks/:id/retire',
    summary: '停用座席登记（其会话随即失效）',
    roles: ['admin'],
    params: z.strictObject({ id: z.coerce.number().int().min(1) }),
    response: deskEnrolmentSchema,
    handler: ({ hub, params }) => retireDesk(hub, params.id),
  }),
  route({
    method: 'POST',
    url: '/v1/desks/redeem',
    summary: '座席用一次性登记码换取本座席凭据（按来源地址限制错误次数）',
    roles: 'public',
    body: redeemInputSchema,
    response: deskCredentialSchema,
    handler: ({ hub, ip, body }) => redeemEnrolment(hub, ip, body.code, body.deskId),
  }),

  route({
    method: 'POST',
    url: '/v1/sync/push',
    summary: '推送座席队列（每项幂等，按序号只生效一次）',
    roles: DESK_ROLES,
    body: pushRequestSchema,
    response: pushResponseSchema,
    handler: ({ hub, user, body }) => applyPush(hub, user, body),
  }),
  route({
    method: 'GET',
    url: '/v1/sync/pull',
    summary: '拉取游标之后的变更',
    roles: DESK_ROLES,
    query: pullQuerySchema,
    response: pullResponseSchema,
    handler: ({ hub, user, query }) => pullChanges(hub, user, query.cursor, query.limit),
  }),

  route({ method: 'GET', url: '/v1/tickets/:id', summary: '查看工单', roles: EVERYONE, params: ticketParams, response: hubTicketSchema, handler: ({ hub, user, params }) => readTicket(hub, user, params.id) }),
  route({
    method: 'GET',
    url: '/v1/tickets/:id/events',
    summary: '工单流转记录（审计）',
    roles: EVERYONE,
    params: ticketParams,
    response: z.array(ticketEventSchema),
    handler: ({ hub, user, params }) => ticketEvents(hub, user, params.id),
  }),
  route({
    method: 'GET',
    url: '/v1/callers/:number/history',
    summary: '来电人近 12 个月的工单与同类诉求次数',
    roles: DESK_ROLES,
    params: z.strictObject({ number: phoneNumberSchema }),
    query: z.strictObject({ category1: z.string().max(40).optional(), category2: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
    response: hubCallerHistorySchema,
    handler: ({ hub, user, params, query }) => callerHistory(hub, user, { number: params.number, ...query }),
  }),
  route({
    method: 'GET',
    url: '/v1/department/inbox',
    summary: '转给本部门、待签收或待答复的工单',
    roles: ['department'],
    query: limitQuery,
    response: z.array(hubTicketSchema),
    handler: ({ hub, user, query }) => departmentInbox(hub, user, query.limit),
  }),
  route({
    method: 'POST',
    url: '/v1/tickets/:id/accept',
    summary: '部门签收',
    roles: ['department', ...LEADERS],
    params: ticketParams,
    response: hubTicketSchema,
    handler: ({ hub, user, params }) => acceptTicket(hub, user, params.id),
  }),
  route({
    method: 'POST',
    url: '/v1/tickets/:id/return',
    summary: '部门退回（写明理由）',
    roles: ['department', ...LEADERS],
    params: ticketParams,
    body: returnReasonSchema,
    response: hubTicketSchema,
    handler: ({ hub, user, params, body }) => returnTicket(hub, user, params.id, body.reason),
  }),
  route({
    method: 'POST',
    url: '/v1/tickets/:id/reply',
    summary: '部门答复',
    roles: ['department', ...LEADERS],
    params: ticketParams,
    body: departmentReplySchema,
    response: hubTicketSchema,
    handler: ({ hub, user, params, body }) => replyToTicket(hub, user, params.id, body),
  }),
  route({
    method: 'POST',
    url: '/v1/tickets/:id/unmask',
    summary: '查看保密联络人（写明理由，记入审计日志）',
    roles: LEADERS,
    params: ticketParams,
    body: unmaskInputSchema,
    response: hubTicketSchema,
    handler: ({ hub, user, params, body }) => unmaskTicket(hub, user, params.id, body.reason),
  }),
  route({
    method: 'GET',
    url: '/v1/audit-log',
    summary: '审计日志：保密联络人的查看与来电历史查询（只增不改）',
    roles: ['admin'],
    query: auditLogQuerySchema,
    response: z.array(auditEntrySchema),
    handler: ({ hub, query }) => readAuditLog(hub.sql, query),
  }),
  route({ method: 'POST', url: '/v1/tickets/:id/close', summary: '办结', roles: LEADERS, params: ticketParams, response: hubTicketSchema, handler: ({ hub, user, params }) => closeTicket(hub, user, params.id) }),
  route({ method: 'GET', url: '/v1/reviews', summary: '实训审核队列', roles: LEADERS, query: limitQuery, response: z.array(hubTicketSchema), handler: ({ hub, user, query }) => reviewQueue(hub, user, query.limit) }),
  route({
    method: 'POST',
    url: '/v1/reviews/:id',
    summary: '审核学员工单：通过（转办发出）或退回（附意见）',
    roles: LEADERS,
    params: ticketParams,
    body: reviewDecisionSchema,
    response: hubTicketSchema,
    handler: ({ hub, user, params, body }) => reviewTicket(hub, user, params.id, body),
  }),

  route({
    method: 'GET',
    url: '/v1/duty-list',
    summary: '部门与职责清单',
    roles: EVERYONE,
    response: z.object({ departments: z.array(departmentSchema), duties: z.array(dutySchema) }),
    handler: ({ hub }) => dutyList(hub),
  }),
  route({
    method: 'PUT',
    url: '/v1/departments/:id',
    summary: '新增或修改部门',
    roles: ['admin'],
    params: idParams(departmentSchema.shape.id),
    body: departmentSchema.strict(),
    response: departmentSchema,
    handler: ({ hub, params, body }) => {
      if (params.id !== body.id) throw new HubFailure('INVALID_INPUT', '路径与内容中的部门编号不一致');
      return putDepartment(hub, body);
    },
  }),
  route({
    method: 'DELETE',
    url: '/v1/departments/:id',
    summary: '停用部门（清单不再引用时）',
    roles: ['admin'],
    params: idParams(departmentSchema.shape.id),
    response: ok,
    handler: async ({ hub, params }) => {
      await deleteDepartment(hub, params.id);
      return { ok: true };
    },
  }),
  route({
    method: 'PUT',
    url: '/v1/duties/:id',
    summary: '新增或修改职责条目',
    roles: LEADERS,
    params: idParams(z.string().regex(/^[A-Za-z0-9-]{1,20}$/)),
    body: dutySchema.strict(),
    response: dutySchema,
    handler: ({ hub, params, body }) => {
      if (params.id !== body.id) throw new HubFailure('INVALID_INPUT', '路径与内容中的条目编号不一致');
      return putDuty(hub, body);
    },
  }),
  route({
    method: 'DELETE',
    url: '/v1/duties/:id',
    summary: '删除职责条目',
    roles: LEADERS,
    params: idParams(z.string().regex(/^[A-Za-z0-9-]{1,20}$/)),
    response: ok,
    handler: async ({ hub, params }) => {
      await deleteDuty(hub, params.id);
      return { ok: true };
    },
  }),

  route({
    method: 'GET',
    url: '/v1/kb/articles/:id',
    summary: '知识条目（当前修订）',
    roles: EVERYONE,
    params: idParams(z.string().regex(/^[A-Za-z0-9-]{1,40}$/)),
    response: articleSchema.extend({ revision: z.number().int() }),
    handler: ({ hub, params }) => getArticle(hub, params.id),
  }),
  route({
    method: 'PUT',
    url: '/v1/kb/articles/:id',
    summary: '发布知识条目的新修订',
    roles: LEADERS,
    params: idParams(z.string().regex(/^[A-Za-z0-9-]{1,40}$/)),
    body: articleSchema.strict(),
    response: articleSchema.extend({ revision: z.number().int() }),
    handler: ({ hub, params, body }) => {
      if (params.id !== body.id) throw new HubFailure('INVALID_INPUT', '路径与内容中的条目编号不一致');
      return putArticle(hub, body);
    },
  }),
  route({
    method: 'POST',
    url: '/v1/kb/feedback',
    summary: '话务员对知识条目的反馈',
    roles: DESK_ROLES,
    body: kbFeedbackInputSchema.strict(),
    response: ok,
    status: 201,
    handler: async ({ hub, user, body }) => {
      await recordArticleFeedback(hub, user.sub, body);
      return { ok: true };
    },
  }),

  route({
    method: 'PUT',
    url: '/v1/presence',
    summary: '上报座席状态',
    roles: DESK_ROLES,
    body: presenceReportSchema,
    response: seatSchema,
    handler: ({ hub, user, body }) => reportPresence(hub, user, body),
  }),
  route({
    method: 'GET',
    url: '/v1/alerts',
    summary: '预警（多发、新发、爆发、重复来电），未确认的在前',
    roles: LEADERS,
    query: z.strictObject({ all: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.array(alertSchema),
    handler: ({ hub, query }) => listAlerts(hub.sql, { includeAcknowledged: query.all === 'true', limit: query.limit }),
  }),
  route({
    method: 'POST',
    url: '/v1/alerts/:id/ack',
    summary: '确认预警',
    roles: LEADERS,
    params: z.strictObject({ id: z.coerce.number().int().min(1) }),
    response: alertSchema,
    handler: async ({ hub, user, params }) => {
      const alert = await acknowledgeAlert(hub.sql, params.id, user.sub, hub.now());
      if (!alert) throw new HubFailure('CONFLICT', '没有这条预警，或它已被确认');
      return alert;
    },
  }),
  route({ method: 'GET', url: '/v1/alert-settings', summary: '预警阈值', roles: LEADERS, response: alertSettingsSchema, handler: ({ hub }) => readAlertSettings(hub.sql) }),
  route({
    method: 'PUT',
    url: '/v1/alert-settings',
    summary: '修改预警阈值',
    roles: LEADERS,
    body: alertSettingsSchema,
    response: alertSettingsSchema,
    handler: ({ hub, body }) => writeAlertSettings(hub.sql, body),
  }),
  route({ method: 'GET', url: '/v1/seats', summary: '全部座席当前状态', roles: LEADERS, response: z.array(seatSchema), handler: ({ hub }) => seats(hub) }),
  route({ method: 'GET', url: '/v1/trainees', summary: '实训学员名单', roles: LEADERS, response: z.array(traineeSchema), handler: ({ hub }) => listTrainees(hub) }),
  route({
    method: 'GET',
    url: '/v1/trainees/:account/placement',
    summary: '实习档案：逐日与合计的通话、登记工单、审核结果、练习成绩（学员只能看自己的）',
    roles: ['trainee', ...LEADERS],
    params: z.strictObject({ account: usernameSchema }),
    query: placementQuerySchema,
    response: placementSchema,
    handler: ({ hub, user, params, query }) => placementRecord(hub, user, params.account, query),
  }),
  route({
    method: 'GET',
    url: '/v1/stats/tickets',
    summary: '统计：时段内登记工单的逐小时办理方式、高频诉求、各主办部门三率（响应率、解决率、满意率）',
    roles: LEADERS,
    query: ticketStatsQuerySchema,
    response: ticketStatsSchema,
    handler: ({ hub, query }) => ticketStats(hub.sql, query),
  }),
];
