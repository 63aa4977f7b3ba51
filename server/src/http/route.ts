import type { z } from 'zod';
import type { HubRole } from '../../../shared/hub/auth';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';

/**
 * One route of the hub, declared once: the zod schemas validate the request
 * and describe it in the OpenAPI document, and `roles` is checked before the
 * handler runs. A route cannot exist without its schema and its roles.
 */
export interface RouteSpec<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  /** Who may call it; `public` only for signing in and the API document. */
  roles: readonly HubRole[] | 'public';
  body?: B;
  query?: Q;
  params?: P;
  response: z.ZodType;
  /** 200 unless said. */
  status?: number;
  handler(request: {
    body: z.output<B>;
    query: z.output<Q>;
    params: z.output<P>;
    user: TokenClaims;
    hub: HubContext;
    /** The caller's address (the proxy's client address when HUB_TRUST_PROXY is set). */
    ip: string;
  }): Promise<unknown>;
}

/** Keeps the schemas' types flowing into the handler while routes live in one array. */
export function route<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<B, Q, P>,
): RouteSpec {
  return spec as unknown as RouteSpec; // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion -- widens the schema types for the shared table
}
