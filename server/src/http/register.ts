import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { HubError } from '../../../shared/hub/errors';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';
import { sessionState } from '../auth/sessions';
import { pushRequestSchema } from '../../../shared/hub/sync';
import { HubFailure } from './failure';
import { unsafeTextPath } from './unsafe-text';
import type { BoundRoute } from './route';

const issuesOf = (error: z.ZodError): { path: string; message: string }[] =>
  error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || '(整体)', message: issue.message }));

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, what: string): z.output<S> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HubFailure('INVALID_INPUT', `${what}不符合要求`, { issues: issuesOf(parsed.error) });
  return parsed.data;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return null;
}

/** A well-signed, unexpired token whose session is still live (not signed out, account not disabled, within its shift). */
export async function authenticate(hub: HubContext, token: string | null): Promise<TokenClaims> {
  if (!token) throw new HubFailure('UNAUTHENTICATED', '请先登录', { reason: 'NOT_SIGNED_IN' });
  const now = hub.now();
  const claims = await hub.signer.verify(token, now.getTime());
  if (!claims) throw new HubFailure('UNAUTHENTICATED', '登录已过期，请重新登录', { reason: 'SESSION_EXPIRED' });
  const state = await sessionState(hub.sql, claims, now);
  if (!state.live) throw state.why === 'disabled'
      ? new HubFailure('UNAUTHENTICATED', '账号已停用', { reason: 'ACCOUNT_DISABLED' })
      : new HubFailure('UNAUTHENTICATED', '登录已失效，请重新登录', { reason: 'SESSION_EXPIRED' });
  return claims;
}

/**
 * Text the database cannot hold (NUL, a lone surrogate) is refused in any route's input with a 400 naming the
 * field, before it can fail a statement with a 500. The push body is the exception: its entries are checked one
 * by one (push-entry.ts), so one bad entry is answered `rejected` and the others go through.
 */
function refuseUnsafeText(input: Record<'body' | 'query' | 'params', unknown>, checkBody: boolean): void {
  for (const [where, value] of Object.entries(input)) {
    if (where === 'body' && !checkBody) continue;
    const path = unsafeTextPath(value, where);
    if (path) throw new HubFailure('INVALID_INPUT', '内容含有无法保存的字符（如 NUL）', { issues: [{ path, message: '含有无法保存的字符' }] });
  }
}

/** Registers the declared routes: authentication, role check, validation, then the handler. */
export function registerRoutes(app: FastifyInstance, hub: HubContext, routes: readonly BoundRoute[]): void {
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const user = spec.roles === 'public' ? (null as unknown as TokenClaims) : await authenticate(hub, bearerToken(request));
        if (spec.roles !== 'public' && !spec.roles.includes(user.role)) throw new HubFailure('FORBIDDEN', '当前账号的角色无权进行此操作', { reason: 'ROLE_NOT_ALLOWED' });
        refuseUnsafeText({ body: request.body, query: request.query, params: request.params }, spec.body !== pushRequestSchema);
        const body = parse(spec.body, request.body, '请求内容');
        const query = parse(spec.query, request.query, '查询参数');
        const params = parse(spec.params, request.params, '路径参数');
        const result = await spec.handler({ body, query, params, user, hub, ip: request.ip });
        return reply.status(spec.status ?? 200).send(result);
      },
    });
  }
}

/** Every error leaves as a HubError body with a Chinese message; nothing internal leaks. */
export function errorBody(error: FastifyError | HubFailure | Error): { status: number; body: HubError } {
  if (error instanceof HubFailure) return { status: error.status, body: { error: error.code, message: error.message, ...error.details } };
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'BODY_TOO_LARGE', message: '请求内容过大，已拒收' } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: 'INVALID_INPUT', message: '只接受 application/json' } };
    default:
      break;
  }
  if (error instanceof SyntaxError || (fastifyError.statusCode === 400 && /JSON/i.test(error.message))) {
    return { status: 400, body: { error: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' } };
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, body: { error: 'INVALID_INPUT', message: '请求不符合要求' } };
  }
  return { status: 500, body: { error: 'INTERNAL', message: '枢纽内部错误，请稍后再试' } };
}
