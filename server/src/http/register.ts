import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { HubError } from '../../../shared/hub/errors';
import { fieldIssuesOf } from './field-issues';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';
import { sessionState } from '../auth/sessions';
import { pushRequestSchema } from '../../../shared/hub/sync';
import { HubFailure } from './failure';
import { unsafeTextPath } from './unsafe-text';
import type { BoundRoute } from './route';

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, what: 'body' | 'query' | 'path parameters'): z.output<S> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HubFailure('INVALID_INPUT', `invalid ${what}`, { issues: fieldIssuesOf(parsed.error) });
  return parsed.data;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return null;
}

/** A well-signed, unexpired token whose session is still live (not signed out, account not disabled, within its shift). */
export async function authenticate(hub: HubContext, token: string | null): Promise<TokenClaims> {
  if (!token) throw new HubFailure('UNAUTHENTICATED', 'no bearer token', { reason: 'NOT_SIGNED_IN' });
  const now = hub.now();
  const claims = await hub.signer.verify(token, now.getTime());
  if (!claims) throw new HubFailure('UNAUTHENTICATED', 'token expired or not signed by this hub', { reason: 'SESSION_EXPIRED' });
  const state = await sessionState(hub.sql, claims, now);
  if (!state.live) throw state.why === 'disabled'
      ? new HubFailure('UNAUTHENTICATED', 'account disabled', { reason: 'ACCOUNT_DISABLED' })
      : new HubFailure('UNAUTHENTICATED', 'session ended', { reason: 'SESSION_EXPIRED' });
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
    if (path) throw new HubFailure('INVALID_INPUT', 'text the database cannot hold (NUL or a lone surrogate)', { reason: 'UNSAFE_TEXT', issues: [{ path, message: 'unsafe text', code: 'INVALID' }] });
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
        if (spec.roles !== 'public' && !spec.roles.includes(user.role)) throw new HubFailure('FORBIDDEN', `role ${user.role} may not use this route`, { reason: 'ROLE_NOT_ALLOWED' });
        refuseUnsafeText({ body: request.body, query: request.query, params: request.params }, spec.body !== pushRequestSchema);
        const body = parse(spec.body, request.body, 'body');
        const query = parse(spec.query, request.query, 'query');
        const params = parse(spec.params, request.params, 'path parameters');
        const result = await spec.handler({ body, query, params, user, hub, ip: request.ip });
        return reply.status(spec.status ?? 200).send(result);
      },
    });
  }
}

/** Every error leaves as a HubError body: a code, details, an English message for logs; nothing internal leaks. */
export function errorBody(error: FastifyError | HubFailure | Error): { status: number; body: HubError } {
  if (error instanceof HubFailure) return { status: error.status, body: { error: error.code, message: error.message, ...error.details } };
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'BODY_TOO_LARGE', message: 'request body too large' } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: 'MALFORMED_JSON', message: 'request body is not valid JSON' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: 'INVALID_INPUT', message: 'only application/json is accepted', reason: 'UNSUPPORTED_MEDIA_TYPE' } };
    default:
      break;
  }
  if (error instanceof SyntaxError || (fastifyError.statusCode === 400 && /JSON/i.test(error.message))) {
    return { status: 400, body: { error: 'MALFORMED_JSON', message: 'request body is not valid JSON' } };
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, body: { error: 'INVALID_INPUT', message: 'request refused' } };
  }
  return { status: 500, body: { error: 'INTERNAL', message: 'internal error (logged at the hub)' } };
}
