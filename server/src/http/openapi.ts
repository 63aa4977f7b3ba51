import { z } from 'zod';
import { hubErrorSchema } from '../../../shared/hub/errors';
import type { HubRouteSpec } from '../../../shared/hub/hub-api';

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate every request. */
export function openApiDocument(api: Readonly<Record<string, HubRouteSpec>>, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  for (const spec of Object.values(api)) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, s] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!s) continue;
      const json = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
      }
    }
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      summary: spec.summary,
      security: spec.roles === 'public' ? [] : [{ bearer: [] }],
      'x-roles': spec.roles,
      parameters,
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(spec.body, 'input') } } } } : {}),
      responses: {
        [String(spec.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: schema(spec.response, 'output') } } },
        default: { description: 'Refused: a code, a reason code and details for the client to word; the message is English for logs', content: { 'application/json': { schema: schema(hubErrorSchema, 'output') } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '12345 hotline centre hub API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
