import type { Sql } from './sql';

/**
 * Numbered migrations, applied in order, each in its own transaction with
 * its row in `schema_migrations`. Never edit a released one: add a new one.
 * The statements are plain PostgreSQL that PGlite runs unchanged.
 */
export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}

export const hubMigrations: readonly HubMigration[] = [
  {
    version: 1,
    name: 'change versions',
    // One counter row, updated in the same transaction as every change: writers serialise on it, so a
    // pull that reads "changes with version > cursor" can never skip one that commits later.
    sql: `
      CREATE TABLE change_counter (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), version bigint NOT NULL);
      INSERT INTO change_counter (version) VALUES (0);
    `,
  },
  {
    version: 2,
    name: 'accounts, tickets, sync, responsibility list, knowledge base, presence',
    sql: `
      -- Signing key of the hub's tokens: made once, shared by every hub process through the database.
      CREATE TABLE hub_secrets (name text PRIMARY KEY, value bytea NOT NULL);
      INSERT INTO hub_secrets (name, value) VALUES ('token', decode(md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text), 'hex'));

      CREATE TABLE accounts (
        username      text PRIMARY KEY,
        display_name  text NOT NULL,
        role          text NOT NULL CHECK (role IN ('operator', 'trainee', 'supervisor', 'admin', 'department')),
        password_hash text NOT NULL,
        department_id text,
        team          text,
        disabled      boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now()
      );

      -- The last sequence applied per desk, updated in the transaction that applies the operation.
      CREATE TABLE desk_sequences (desk_id text PRIMARY KEY, last_seq bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());

      -- Human numbers: one counter per day in the centre's time zone (monotonic within the day).
      CREATE TABLE ticket_day_counters (day text PRIMARY KEY, last bigint NOT NULL);

      CREATE TABLE tickets (
        id             uuid PRIMARY KEY,
        number         text NOT NULL UNIQUE,
        desk_id        text NOT NULL,
        author         text NOT NULL,
        state          text NOT NULL,
        caller_number  text NOT NULL,
        category_1     text NOT NULL,
        category_2     text NOT NULL,
        confidential   boolean NOT NULL,
        trainee        boolean NOT NULL,
        review         text NOT NULL,
        review_comment text,
        supervision    text NOT NULL DEFAULT 'none',
        lead_department text,
        registration   jsonb NOT NULL,
        answer         jsonb,
        transfer       jsonb,
        callback       jsonb,
        reply          jsonb,
        return_reason  text,
        created_at     timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL,
        version        bigint NOT NULL
      );
      CREATE INDEX tickets_caller ON tickets (caller_number, created_at DESC);
      CREATE INDEX tickets_desk_version ON tickets (desk_id, version);
      CREATE INDEX tickets_lead ON tickets (lead_department, state);
      CREATE INDEX tickets_review ON tickets (review) WHERE review = 'pending';

      -- The audit trail: every change with its author, the account that delivered it and when.
      CREATE TABLE ticket_events (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id),
        op_id     uuid UNIQUE,
        kind      text NOT NULL,
        author    text NOT NULL,
        sent_by   text NOT NULL,
        desk_id   text,
        at        timestamptz NOT NULL DEFAULT now(),
        payload   jsonb NOT NULL
      );
      CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

      CREATE TABLE departments (id text PRIMARY KEY, doc jsonb NOT NULL, deleted boolean NOT NULL DEFAULT false, version bigint NOT NULL);
      CREATE INDEX departments_version ON departments (version);
      CREATE TABLE duties (id text PRIMARY KEY, doc jsonb NOT NULL, deleted boolean NOT NULL DEFAULT false, version bigint NOT NULL);
      CREATE INDEX duties_version ON duties (version);
      CREATE TABLE kb_articles (id text PRIMARY KEY, doc jsonb NOT NULL, revision integer NOT NULL DEFAULT 1, version bigint NOT NULL);
      CREATE INDEX kb_articles_version ON kb_articles (version);
      CREATE TABLE kb_feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id text NOT NULL, verdict text NOT NULL, comment text NOT NULL, author text NOT NULL, at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE presence (
        desk_id        text PRIMARY KEY,
        operator       text NOT NULL,
        state          text NOT NULL,
        since          timestamptz NOT NULL,
        call_started_at timestamptz,
        reason         text,
        help_requested boolean NOT NULL DEFAULT false,
        reported_at    timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 3,
    name: 'early warning: place of tickets, alerts, settings',
    sql: `
      ALTER TABLE tickets ADD COLUMN district text;
      UPDATE tickets SET district = registration->'location'->>'district';
      CREATE INDEX tickets_matter_place ON tickets (category_1, category_2, district, created_at);
      CREATE INDEX tickets_matter_time ON tickets (category_1, category_2, created_at);

      CREATE TABLE alerts (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('many', 'new', 'burst', 'repeat')),
        alert_key       text NOT NULL,
        category_1      text NOT NULL,
        category_2      text NOT NULL,
        district        text,
        caller_number   text,
        window_start    timestamptz NOT NULL,
        window_end      timestamptz NOT NULL,
        bucket          text NOT NULL,
        ticket_count    integer NOT NULL,
        ticket_ids      uuid[] NOT NULL,
        raised_at       timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        acknowledged_by text,
        acknowledged_at timestamptz,
        UNIQUE (kind, alert_key, bucket)
      );
      CREATE INDEX alerts_open ON alerts (updated_at DESC) WHERE acknowledged_at IS NULL;

      CREATE TABLE hub_settings (name text PRIMARY KEY, value jsonb NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'seat extension for joining calls',
    sql: `ALTER TABLE presence ADD COLUMN extension text;`,
  },
  {
    version: 5,
    name: 'statistics: tickets by registration time',
    // The supervisors' statistics read a window of registration times across every matter and department;
    // the (category, created_at) indexes cannot serve a range on created_at alone.
    sql: `CREATE INDEX tickets_created ON tickets (created_at);`,
  },
  {
    version: 6,
    name: 'placement record: practice results, calls seen by presence',
    sql: `
      -- Trainees' scored practice calls pushed by the desks (practice.result); the id is made at the desk.
      CREATE TABLE practice_results (
        id             uuid PRIMARY KEY,
        author         text NOT NULL,
        desk_id        text NOT NULL,
        sent_by        text NOT NULL,
        op_id          uuid NOT NULL,
        scenario_id    text NOT NULL,
        scenario_title text NOT NULL,
        score          integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        right_items    integer NOT NULL,
        total_items    integer NOT NULL,
        items          jsonb NOT NULL,
        started_at     timestamptz NOT NULL,
        finished_at    timestamptz NOT NULL,
        received_at    timestamptz NOT NULL
      );
      CREATE INDEX practice_results_author ON practice_results (author, finished_at);

      -- Calls as the seats' presence reports show them: a seat and a start, ended by the seat's next state.
      CREATE TABLE seat_calls (
        desk_id    text NOT NULL,
        operator   text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at   timestamptz,
        PRIMARY KEY (desk_id, started_at)
      );
      CREATE INDEX seat_calls_operator ON seat_calls (operator, started_at);

      CREATE INDEX tickets_author ON tickets (author, created_at);
    `,
  },
  {
    version: 10,
    name: 'desk clocks: the desk-given creation time kept beside the counted one',
    // created_at is what alerts, statistics and caller history count; when the desk's clock was too far from the
    // hub's, it is the hub's receipt time and the desk's value is kept here, flagged.
    sql: `
      ALTER TABLE tickets ADD COLUMN desk_created_at timestamptz;
      ALTER TABLE tickets ADD COLUMN clock_skewed boolean NOT NULL DEFAULT false;
    `,
  },
  {
    version: 11,
    name: 'enrolled desks',
    sql: `
      -- A desk acts for itself only once an admin has enrolled it and it has redeemed the one-time code.
      -- Only hashes of the code and of the desk's credential are kept.
      CREATE TABLE desks (
        id              bigserial PRIMARY KEY,
        seat            text NOT NULL,
        team            text,
        extension       text,
        code_hash       text,
        code_expires_at timestamptz,
        desk_id         text UNIQUE,
        credential_hash text,
        -- Until a sign-in has used the credential, the same desk may redeem its code again (the answer was lost).
        credential_used boolean NOT NULL DEFAULT false,
        enrolled_by     text NOT NULL,
        enrolled_at     timestamptz NOT NULL,
        redeemed_at     timestamptz,
        retired_at      timestamptz
      );
      CREATE UNIQUE INDEX desks_code ON desks (code_hash) WHERE code_hash IS NOT NULL;
      CREATE UNIQUE INDEX desks_active_seat ON desks (seat) WHERE retired_at IS NULL;

      -- Accounts that signed in at a desk: work they wrote there may reach the hub under a later shift's session.
      CREATE TABLE desk_accounts (
        desk_id  text NOT NULL,
        username text NOT NULL,
        first_at timestamptz NOT NULL,
        last_at  timestamptz NOT NULL,
        PRIMARY KEY (desk_id, username)
      );

      -- Failed code redemptions per address, for throttling guesses.
      CREATE TABLE desk_redeem_failures (address text NOT NULL, at timestamptz NOT NULL);
      CREATE INDEX desk_redeem_failures_address ON desk_redeem_failures (address, at);
    `,
  },
  {
    version: 12,
    name: 'audit log of confidential callers, append-only',
    // Unmasks and caller-history lookups. The table itself refuses UPDATE, DELETE and TRUNCATE, so neither the
    // hub's code nor anyone holding its database role can rewrite what was looked at.
    sql: `
      CREATE TABLE audit_log (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at            timestamptz NOT NULL,
        actor         text NOT NULL,
        role          text NOT NULL,
        desk_id       text,
        action        text NOT NULL CHECK (action IN ('unmask', 'caller_history')),
        ticket_id     uuid,
        caller_number text,
        reason        text
      );
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit_log is append-only';
        END
      $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 13,
    name: 'sessions, signing keys from the CSPRNG, sign-in throttling',
    // Tokens name a session that is looked up on every request (sign-out and disabling revoke at once; refresh
    // only within one shift of the first sign-in). Signing keys are made by the hub from node:crypto, never in SQL
    // (the first key came from md5(random()), which is not a cryptographic source): it is dropped here, and with it
    // the tokens it signed (an hour's worth; desks sign in again once).
    sql: `
      CREATE TABLE sessions (
        id          text PRIMARY KEY,
        username    text NOT NULL REFERENCES accounts (username),
        desk_id     text,
        started_at  timestamptz NOT NULL,
        ends_at     timestamptz NOT NULL,
        revoked_at  timestamptz
      );
      CREATE INDEX sessions_open ON sessions (username) WHERE revoked_at IS NULL;
      CREATE TABLE signing_keys (id text PRIMARY KEY, key bytea NOT NULL, created_at timestamptz NOT NULL);
      DELETE FROM hub_secrets WHERE name = 'token';
      CREATE TABLE sign_in_failures (key text PRIMARY KEY, failures integer NOT NULL, blocked_until timestamptz NOT NULL, updated_at timestamptz NOT NULL);
    `,
  },
  {
    version: 14,
    name: 'caller numbers in their stored form',
    // shared/phone/phone-number.ts folds every number on its way in (national digits, extension after '#'; the
    // caller_number column holds the line, without extension). Rows kept before could hold '+8613812345678',
    // '008613812345678', '8613812345678' or '013812345678' (the old wire rule was an optional '+' and 3–20
    // digits): the same folds here, in SQL, for the column and the registration. Versions are not bumped: desks
    // fold their own copies in their own migration (090). Audit entries stay as they were written.
    sql: `
      CREATE FUNCTION hotline_national_number(rest text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN rest ~ '^(1[3-9][0-9]{9}|0[0-9]*|1[0-9]{4}|9[56][0-9]{3,4}|[48]00[0-9]{7})$' THEN rest ELSE '0' || rest END
      $$;
      CREATE FUNCTION hotline_fold_number(n text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN n ~ '^[+]86[0-9]+$' THEN hotline_national_number(substr(n, 4))
          WHEN n ~ '^[+][0-9]+$' THEN '00' || substr(n, 2)
          WHEN n ~ '^0086[0-9]+$' THEN hotline_national_number(substr(n, 5))
          WHEN n ~ '^861[3-9][0-9]{9}$' THEN substr(n, 3)
          WHEN n ~ '^01[3-9][0-9]{9}$' THEN substr(n, 2)
          ELSE n
        END
      $$;
      UPDATE tickets
         SET caller_number = hotline_fold_number(caller_number),
             registration = jsonb_set(registration, '{callerNumber}', to_jsonb(hotline_fold_number(registration->>'callerNumber')))
       WHERE caller_number <> hotline_fold_number(caller_number)
          OR registration->>'callerNumber' <> hotline_fold_number(registration->>'callerNumber');
      DROP FUNCTION hotline_fold_number(text);
      DROP FUNCTION hotline_national_number(text);
    `,
  },
  {
    version: 15,
    name: 'supplements and urges on tickets, counted per department',
    // Kept on the ticket (the department's inbox shows them without reading the audit trail); the urge events
    // are counted per lead department over a window, through the (kind, at) index.
    sql: `
      ALTER TABLE tickets ADD COLUMN supplements jsonb NOT NULL DEFAULT '[]'::jsonb;
      ALTER TABLE tickets ADD COLUMN urge_count integer NOT NULL DEFAULT 0;
      CREATE INDEX ticket_events_kind_at ON ticket_events (kind, at);
    `,
  },
  {
    version: 16,
    name: 'transfer directory: departments\' lines and experts with numbers',
    // Like departments and duties: a change version per edit, deletion kept as a tombstone for the desks' pull.
    sql: `
      CREATE TABLE directory_entries (id text PRIMARY KEY, doc jsonb NOT NULL, deleted boolean NOT NULL DEFAULT false, version bigint NOT NULL);
      CREATE INDEX directory_entries_version ON directory_entries (version);
      CREATE INDEX directory_entries_department ON directory_entries ((doc->>'departmentId')) WHERE NOT deleted;
    `,
  },
  {
    version: 17,
    name: 'learning from the centre\'s work: article uses pushed by desks, learned snapshots',
    // kb_uses: what desks push as kb.use (the id is made at the desk, so one use is stored once by any road).
    // learned_snapshots: every retraining kept as its own version; desks are served the newest. The mark names
    // the newest evidence a version saw, so a scheduled retraining with nothing new is skipped.
    sql: `
      CREATE TABLE kb_uses (
        seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id         uuid NOT NULL UNIQUE,
        query      text NOT NULL,
        article_id text NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('opened', 'copied', 'helpful')),
        author     text NOT NULL,
        desk_id    text NOT NULL,
        at         timestamptz NOT NULL,
        received_at timestamptz NOT NULL
      );
      CREATE TABLE learned_snapshots (
        version    integer PRIMARY KEY,
        trained_at timestamptz NOT NULL,
        evidence   jsonb NOT NULL,
        mark       text NOT NULL,
        doc        jsonb NOT NULL
      );
    `,
  },
];

/** Arbitrary, fixed: the advisory lock key of hub migrations. */
const MIGRATION_LOCK = 12_345_001;

export class FutureHubSchemaError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`hub database schema ${found} is newer than this hub supports (${supported})`);
    this.name = 'FutureHubSchemaError';
  }
}

/** Brings the database to the latest version; returns it. Safe to run from several hub processes at once. */
export async function migrateHub(sql: Sql, migrations: readonly HubMigration[] = hubMigrations): Promise<number> {
  // Several hub processes may start at once on one database: an advisory lock (held to the end of each
  // transaction) serialises them, including the CREATE TABLE, which is not safe to race even with IF NOT EXISTS.
  // A migration on a centre's years of tickets, or the wait for another process's, may take longer than the
  // pool's statement timeout allows an ordinary request: lifted for these transactions only.
  await sql.transaction(async (tx) => {
    await tx.query('SET LOCAL statement_timeout = 0');
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  migrations.forEach((m, i) => {
    const before = migrations[i - 1];
    if (before && m.version <= before.version) throw new Error(`hub migrations out of order: ${String(m.version)} after ${String(before.version)}`);
  });
  const supported = migrations.at(-1)?.version ?? 0;
  const current = await currentVersion(sql);
  if (current > supported) throw new FutureHubSchemaError(current, supported);
  for (const migration of migrations) {
    await sql.transaction(async (tx) => {
      await tx.query('SET LOCAL statement_timeout = 0');
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
  }
  return currentVersion(sql);
}

async function currentVersion(sql: Sql): Promise<number> {
  const [latest] = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return latest?.version ?? 0;
}
