import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { hubApi, hubPath, hubQueryString } from './hub-api';
import type { HubRouteSpec } from './hub-api';

const pathNames = (path: string): string[] => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!).sort();
const shapeKeys = (schema: z.ZodType | undefined): string[] => Object.keys((schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {}).sort();

describe('the hub contract', () => {
  it('declares exactly the path parameters each path names', () => {
    for (const [name, spec] of Object.entries(hubApi) as [string, HubRouteSpec][]) {
      expect(shapeKeys(spec.params), name).toEqual(pathNames(spec.path));
    }
  });

  it('declares each method and path once', () => {
    const keys = Object.values(hubApi).map((spec) => `${spec.method} ${spec.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fills path parameters URL-encoded and refuses a missing one', () => {
    expect(hubPath('/v1/callers/:number/history', { number: '138 0000/1' })).toBe('/v1/callers/138%200000%2F1/history');
    expect(hubPath('/v1/alerts/:id/ack', { id: 7 })).toBe('/v1/alerts/7/ack');
    expect(() => hubPath('/v1/tickets/:id', {})).toThrow(/id/);
  });

  it('builds the query string from the defined values only, in their order', () => {
    expect(hubQueryString(undefined)).toBe('');
    expect(hubQueryString({ from: undefined })).toBe('');
    expect(hubQueryString({ cursor: 0, limit: 500 })).toBe('?cursor=0&limit=500');
    expect(hubQueryString({ limit: 50, category1: '城乡建设', category2: undefined })).toBe(`?limit=50&category1=${encodeURIComponent('城乡建设')}`);
  });
});
