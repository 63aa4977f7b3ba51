import { hubApi } from '../../../shared/hub/hub-api';
import { openApiDocument } from './openapi';
import type { HubHandlers } from './route';

const documents = new Map<string, Record<string, unknown>>();

/** The hub about itself: is the database there, and the API document (built once per version). */
export const metaHandlers = {
  health: async ({ hub }) => {
    await hub.sql.query('SELECT 1');
    return { ok: true };
  },
  openApiDocument: ({ hub }) => {
    let document = documents.get(hub.version);
    if (!document) {
      document = openApiDocument(hubApi, hub.version);
      documents.set(hub.version, document);
    }
    return document;
  },
} satisfies Pick<HubHandlers, 'health' | 'openApiDocument'>;
