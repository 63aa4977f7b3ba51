import { z } from 'zod';
import { uuidv7 } from '../../../shared/tickets/uuid7';
import type { AppStateStore } from '../app-state';

const deskIdSchema = z.string().min(8).max(64);

/**
 * The desk's id at the hub, made once per local database. It lives in the
 * database itself, so a database rebuilt after damage starts a new id and a
 * new sequence, instead of reusing sequence numbers the hub has already seen.
 */
export function deskIdentity(appState: AppStateStore): string {
  const existing = appState.read('deskId', deskIdSchema.nullable(), null);
  if (existing) return existing;
  return appState.write('deskId', deskIdSchema, `desk-${uuidv7()}`);
}
