import type { HubApi, HubHandlerResult, HubParsedRequest, HubRouteName, HubRouteSpec } from '../../../shared/hub/hub-api';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';

/** What a handler receives: the request parsed by its spec's schemas, the signed-in user and the hub. */
export interface HubHandlerRequest<K extends HubRouteName> extends HubParsedRequest<K> {
  /** The caller's token claims (absent on public routes, which never read it). */
  user: TokenClaims;
  hub: HubContext;
  /** The caller's address (the proxy's client address when HUB_TRUST_PROXY is set). */
  ip: string;
}

export type HubHandler<K extends HubRouteName> = (request: HubHandlerRequest<K>) => Promise<HubHandlerResult<K>> | HubHandlerResult<K>;

/**
 * One handler for each route of shared/hub/hub-api.ts, no more, no fewer: a
 * spec without a handler or a handler without a spec does not compile.
 */
export type HubHandlers = { [K in HubRouteName]: HubHandler<K> };

/** A spec with its handler, as the hub registers it. */
export interface BoundRoute extends HubRouteSpec {
  name: HubRouteName;
  /** Fastify's path (the spec's `path`). */
  url: string;
  handler(request: { params: unknown; query: unknown; body: unknown; user: TokenClaims; hub: HubContext; ip: string }): Promise<unknown>;
}

/** Pairs every spec with its handler, in the order of the contract. */
export function bindRoutes(api: HubApi, handlers: HubHandlers): BoundRoute[] {
  return (Object.keys(api) as HubRouteName[]).map((name) => {
    const spec: HubRouteSpec = api[name];
    const handler = handlers[name] as (request: unknown) => unknown;
    return { ...spec, name, url: spec.path, handler: async (request) => await handler(request) };
  });
}
