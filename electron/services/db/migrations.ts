import type { Migration } from './migration';
import { migration010 } from './migrations/010-app-state';
import { migration020 } from './migrations/020-kb-replica';
import { migration021 } from './migrations/021-kb-feedback';
import { migration030 } from './migrations/030-dispatch-list-replica';
import { migration031 } from './migrations/031-tickets-drafts-outbox';
import { migration040 } from './migrations/040-outbox-rejected';
import { migration050 } from './migrations/050-call-records';
import { migration060 } from './migrations/060-hub-ticket-replica';
import { migration070 } from './migrations/070-practice-results';
import { migration071 } from './migrations/071-practice-results-queued';
import { migration080 } from './migrations/080-ticket-activity';
import { migration090 } from './migrations/090-canonical-caller-numbers';
import { migration100 } from './migrations/100-hub-ticket-caller-index';
import { migration120 } from './migrations/120-transfer-directory';
import { migration130 } from './migrations/130-caller-history-cache';
import { migration140 } from './migrations/140-learned-snapshot';
import { migration150 } from './migrations/150-outbox-rejected-details';
import { migration160 } from './migrations/160-kb-vectors';

export type { Migration } from './migration';

/**
 * Numbered migrations, one file each in `migrations/NNN-name.ts`, applied in
 * order, each in its own transaction, with the schema version kept in
 * `PRAGMA user_version`. Numbers go in steps of 10 so a fix can be slotted
 * between two released ones. Never edit a released migration: add a new one
 * (its file, its line here, and its case in migrations/migrations.test.ts).
 */
export const migrations: readonly Migration[] = [
  migration010,
  migration020,
  migration021,
  migration030,
  migration031,
  migration040,
  migration050,
  migration060,
  migration070,
  migration071,
  migration080,
  migration090,
  migration100,
  migration120,
  migration130,
  migration140,
  migration150,
  migration160,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
