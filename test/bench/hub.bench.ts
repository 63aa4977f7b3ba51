/**
 * The hub against a real PostgreSQL server that the bench starts itself
 * (Debian's binaries, a throw-away cluster on 127.0.0.1):
 *
 * - push throughput through POST /v1/sync/push, batches of 100 registrations,
 *   8 desks at once and one desk alone, with fsync on (the headline) and off;
 * - caller history (GET /v1/callers/:number/history) on a tickets table of
 *   5,000,000 generated tickets (HUB_BENCH_TICKETS for quicker trials);
 * - presence fan-out from one desk's PUT /v1/presence to 1,400 supervisor
 *   sockets on /v1/live, spread over two hub instances on one database
 *   (the change travels through LISTEN/NOTIFY). The sockets live in a child
 *   process (this file again, HUB_BENCH_ROLE=watchers) so the hubs' event
 *   loop does not also do the supervisors' work.
 *
 * The hubs and the load generator share one machine with PostgreSQL: the
 * figures are what one small box does, not a ceiling, and anything else
 * running on it (the 1-min load average is printed) skews them.
 *
 * Run: `npx tsx test/bench/run.ts hub` (about 5 minutes on 2 quiet cores,
 * most of it generating the 5,000,000 tickets). Quick trial:
 * `HUB_BENCH_TICKETS=200000 HUB_BENCH_PARTS=history npx tsx test/bench/run.ts hub`.
 * The fan-out holds ~1,400 sockets in each of two processes: the open-file
 * limit (`ulimit -n`) must be at least 2,000; it is checked at the start.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createHub } from '../../server/src/app';
import { connectPostgres } from '../../server/src/db/pg-driver';
import type { Sql } from '../../server/src/db/sql';
import type { PushResponse } from '../../shared/hub/sync';
import type { ThrowAwayPostgres } from '../hub/support/postgres';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import type { RunningHub } from '../hub/support/hub-harness';
import { registerOp, resourcesDir, signIn, startHub } from '../hub/support/hub-harness';
import type { BenchArea, BenchRow } from './bench-area';
import { commonMatters as categories, DISTRICTS } from './hub-load';
import { percentile } from './bench-area';
import { pushFloorPerSecond } from './push-floor';

const BATCH = 100;
const PUSH_DESKS = 8;
const BATCHES_PER_DESK = 25; // 8 × 25 × 100 = 20,000 tickets
const SINGLE_DESK_BATCHES = 20; // 2,000 tickets

const TICKETS = positiveInt(process.env.HUB_BENCH_TICKETS, 5_000_000);
const TICKETS_PER_CALLER = 5; // ~1,000,000 distinct numbers at 5,000,000 tickets
const FILL_CHUNK = 250_000;
const FILL_WORKERS = 2; // one INSERT … SELECT per core
const HISTORY_MONTHS_SPREAD = 18;
const LOOKUPS = 1_200;
const LOOKUP_WARMUP = 50;

const WATCHERS = 1_400;
const CHANGES = 250;
const SEAT_DESKS = 10;

/** For trials: HUB_BENCH_PARTS=push,history,fanout (default all). */
const PARTS = new Set((process.env.HUB_BENCH_PARTS ?? 'push,history,fanout').split(',').map((p) => p.trim()));

function positiveInt(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`not a positive whole number: ${text}`);
  return value;
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line: string): void => {
  console.log(`      hub: ${line}`);
};

/** The soft limit of open files (Linux), or null when unknown. */
function openFileLimit(): number | null {
  try {
    const line = fs
      .readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined ? null : soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// PostgreSQL settings

interface ServerFacts {
  version: string;
  settings: Record<string, string>;
  summary: string;
}

async function serverFacts(server: ThrowAwayPostgres): Promise<ServerFacts> {
  const sql = connectPostgres(server.url, { max: 1 });
  try {
    const [row] = await sql.query<{ version: string }>('SELECT version()');
    const names = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers', 'work_mem', 'max_wal_size', 'max_connections'];
    const shown = Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await sql.query<Record<string, string>>(`SHOW ${name}`))[0]?.[name] ?? '?'] as const)));
    const summary = `PostgreSQL ${shown.server_version ?? '?'}, fsync=${shown.fsync ?? '?'}, synchronous_commit=${shown.synchronous_commit ?? '?'}, shared_buffers=${shown.shared_buffers ?? '?'}`;
    return { version: row?.version ?? '?', settings: shown, summary };
  } finally {
    await sql.close();
  }
}

function printFacts(label: string, facts: ServerFacts): void {
  log(`${label}: ${facts.version}`);
  log(`${label}: ${Object.entries(facts.settings).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

// ---------------------------------------------------------------------------
// Push throughput

interface PushFigure {
  tickets: number;
  seconds: number;
  perSecond: number;
  batchP95Ms: number;
  /** CPU time of this process (hubs and load generator) over the wall time: 1 = one core busy throughout. */
  nodeCpu: number;
  /** How long the database stayed busy after the last answer (early warning runs after each push). */
  drainSeconds: number;
}

interface DeskLoad {
  token: string;
  bodies: string[];
}

async function prepareDesks(baseUrl: string, prefix: string, desks: number, batches: number): Promise<DeskLoad[]> {
  const loads: DeskLoad[] = [];
  for (let d = 0; d < desks; d++) {
    const deskId = `${prefix}-${String(d + 1).padStart(2, '0')}`;
    // The batches carry the work of three operators of this desk (shift changes): each has signed in here, so the
    // hub takes them as its authors; op01's session delivers them.
    await signIn(baseUrl, 'op02', deskId);
    await signIn(baseUrl, 'op03', deskId);
    const session = await signIn(baseUrl, 'op01', deskId);
    const bodies: string[] = [];
    for (let b = 0; b < batches; b++) {
      const operations = Array.from({ length: BATCH }, (_, i) => {
        const n = b * BATCH + i;
        const category = categories[(d * 7 + n) % categories.length]!;
        return registerOp(n + 1, ['op01', 'op02', 'op03'][n % 3]!, {
          callerNumber: `138${String((d * 100_003 + n * 7_919) % 100_000_000).padStart(8, '0')}`,
          category,
          location: { district: DISTRICTS[(d + n) % DISTRICTS.length]!, town: null, address: `某小区 ${n % 500} 号楼` },
          description: `来电人反映${category[1]}方面的问题（第 ${n + 1} 件），要求有关部门尽快处理并答复。`,
        });
      });
      bodies.push(JSON.stringify({ deskId, operations }));
    }
    loads.push({ token: session.token, bodies });
  }
  return loads;
}

async function push(baseUrl: string, token: string, body: string): Promise<PushResponse> {
  const response = await fetch(`${baseUrl}/v1/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`push answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as PushResponse;
}

/** Every desk sends its batches in order; the desks run at the same time. */
async function pushAll(baseUrl: string, loads: readonly DeskLoad[]): Promise<PushFigure> {
  const batchTimes: number[] = [];
  let accepted = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    loads.map(async (load) => {
      for (const body of load.bodies) {
        const sent = performance.now();
        const answer = await push(baseUrl, load.token, body);
        batchTimes.push(performance.now() - sent);
        const refused = answer.outcomes.filter((o) => o.outcome !== 'accepted');
        if (refused.length > 0) throw new Error(`push refused ${refused.length} operation(s): ${JSON.stringify(refused[0])}`);
        accepted += answer.outcomes.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { tickets: accepted, seconds, perSecond: accepted / seconds, batchP95Ms: percentile(batchTimes, 95), nodeCpu: (used.user + used.system) / 1e6 / seconds, drainSeconds: 0 };
}

/**
 * Waits until nothing runs on the hub's database any more (the early-warning
 * evaluation that follows each push runs after the answer); returns the wait in s.
 */
async function waitUntilIdle(databaseUrl: string): Promise<number> {
  const sql = connectPostgres(databaseUrl, { max: 1 });
  const started = performance.now();
  try {
    for (let quiet = 0; quiet < 3; ) {
      const [row] = await sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT LIKE 'idle%'",
      );
      quiet = (row?.n ?? 0) === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await sql.close();
  }
  return (performance.now() - started) / 1000;
}

async function measurePush(
  server: ThrowAwayPostgres,
  label: string,
  withSingleDesk: boolean,
): Promise<{ multi: PushFigure; single: PushFigure | null; floor: { perSecond: number; tickets: number; seconds: number } }> {
  const running = await startHub('postgres', server);
  const databaseUrl = running.databaseUrl!;
  try {
    // Warm-up (JIT, pools, first pages): not counted.
    await pushAll(running.url, await prepareDesks(running.url, `warm-${label}`, 2, 2));
    await waitUntilIdle(databaseUrl);
    const describe = (desks: number, f: PushFigure): string =>
      `push ${label}: ${desks} desk(s), ${f.tickets} tickets answered in ${round(f.seconds, 2)} s = ${Math.round(f.perSecond)}/s (batch p95 ${round(f.batchP95Ms)} ms, Node CPU ${Math.round(f.nodeCpu * 100)}% of a core); database busy ${round(f.drainSeconds, 1)} s more after the last answer`;
    const loads = await prepareDesks(running.url, `desk-${label}`, PUSH_DESKS, BATCHES_PER_DESK);
    const multi = await pushAll(running.url, loads);
    multi.drainSeconds = await waitUntilIdle(databaseUrl);
    log(describe(PUSH_DESKS, multi));
    // The same rows again as plain multi-row INSERTs, right after, on the same server: the floor the push is held to.
    const floor = await pushFloorPerSecond(databaseUrl, loads);
    await waitUntilIdle(databaseUrl);
    log(`raw INSERT floor ${label}: ${floor.tickets} tickets in ${round(floor.seconds, 2)} s = ${Math.round(floor.perSecond)}/s; push ÷ floor = ${round(multi.perSecond / floor.perSecond, 3)}`);
    let single: PushFigure | null = null;
    if (withSingleDesk) {
      single = await pushAll(running.url, await prepareDesks(running.url, `solo-${label}`, 1, SINGLE_DESK_BATCHES));
      single.drainSeconds = await waitUntilIdle(databaseUrl);
      log(describe(1, single));
    }
    return { multi, single, floor };
  } finally {
    await running.close();
  }
}

// ---------------------------------------------------------------------------
// Caller history on millions of tickets

/**
 * One chunk of generated tickets, in time order (as they would have been
 * registered): UUIDv7-shaped ids from the creation time, numbers unique,
 * callers skewed (a few callers call very often), matters skewed towards the
 * common ones, a registration document shaped like the desk's.
 */
const FILL_SQL = `
INSERT INTO tickets (id, number, desk_id, author, state, caller_number, category_1, category_2, district, confidential, trainee, review,
                     supervision, lead_department, registration, answer, transfer, created_at, updated_at, version)
SELECT id, number, desk_id, author, state, caller_number, category_1, category_2, district, confidential, false, 'not_required',
       'none', lead, registration, answer, transfer, ts, ts + interval '3 hours', g
FROM (
  SELECT g, id, ts, caller_number, category_1, category_2, district, confidential, state,
         to_char(ts AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(g::text, 7, '0') AS number,
         'desk-' || lpad((g % 120)::text, 4, '0') AS desk_id,
         'op0' || (1 + g % 3) AS author,
         CASE WHEN state = 'answered' THEN NULL ELSE dept END AS lead,
         jsonb_build_object(
           'id', id, 'callerName', (ARRAY['王女士', '李先生', '张女士', '刘先生', '陈女士', ''])[1 + (g % 6)::int], 'callerNumber', caller_number,
           'location', jsonb_build_object('district', district, 'town', NULL, 'address', '某小区 ' || (g % 500) || ' 号楼'),
           'requestType', (ARRAY['咨询', '求助', '投诉', '举报', '建议'])[1 + (g % 5)::int],
           'category', jsonb_build_array(category_1, category_2),
           'description', '来电人反映' || category_2 || '方面的问题，要求有关部门尽快处理并答复。（生成第 ' || g || ' 件）',
           'urgency', 'normal', 'confidential', confidential, 'unreasonableReason', NULL, 'relatedTicketId', NULL,
           'calledAt', to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS registration,
         CASE WHEN state = 'answered' THEN jsonb_build_object('articleId', NULL, 'answer', '已按知识库口径答复来电人。') END AS answer,
         CASE WHEN state = 'answered' THEN NULL
              ELSE jsonb_build_object('lead', dept, 'co', jsonb_build_array(), 'dutyId', 'D-0001', 'timeLimitDays', 3,
                                      'timeLimitReason', NULL, 'supervision', 'none', 'notes', '') END AS transfer
  FROM (
    SELECT g, ts, caller_number, confidential, state, dept, ($4::text[])[cat] AS category_1, ($5::text[])[cat] AS category_2,
           ($10::text[])[1 + (g % cardinality($10::text[]))::int] AS district,
           (lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || to_hex(8 + (g % 4)::int) || substr(h, 4, 15))::uuid AS id
    FROM (
      SELECT g, md5(g::text) AS h,
             to_timestamp(($6::float8 + $7::float8 * (g::float8 / $3::float8) + random() * 3600000) / 1000) AS ts,
             '139' || lpad(floor($8::float8 * power(random(), 1.5))::bigint::text, 8, '0') AS caller_number,
             1 + floor(power(random(), 2) * cardinality($4::text[]))::int AS cat,
             random() < 0.02 AS confidential,
             CASE WHEN (g % 10) < 4 THEN 'answered' WHEN (g % 10) < 9 THEN 'closed' ELSE 'transferred' END AS state,
             ($9::text[])[1 + (g % cardinality($9::text[]))::int] AS dept
      FROM generate_series($1::bigint, $2::bigint) AS g
    ) base
  ) shaped
) rows`;

interface HistoryFigure {
  fillSeconds: number;
  tickets: number;
  callers: number;
  p50: number;
  p95: number;
  p99: number;
  plan: string;
}

export async function fillTickets(sql: Sql, total: number): Promise<void> {
  const now = Date.now();
  const start = new Date(now);
  start.setMonth(start.getMonth() - HISTORY_MONTHS_SPREAD);
  const span = now - start.getTime() - 3_600_000;
  const callers = Math.max(1_000, Math.round(total / TICKETS_PER_CALLER));
  const departments = ['city-urban', 'city-hrss', 'city-housing', 'city-medins'];
  const chunks = Math.ceil(total / FILL_CHUNK);
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (let chunk = next++; chunk < chunks; chunk = next++) {
      const from = chunk * FILL_CHUNK + 1;
      const to = Math.min(total, (chunk + 1) * FILL_CHUNK);
      await sql.query(FILL_SQL, [from, to, total, categories.map((c) => c[0]), categories.map((c) => c[1]), start.getTime(), span, callers, departments, DISTRICTS]);
      done += to - from + 1;
      const elapsed = (performance.now() - started) / 1000;
      log(`generated chunk ${chunk + 1}/${chunks}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} tickets, ${round(elapsed)} s, ${Math.round(done / elapsed).toLocaleString('en')}/s`);
    }
  };
  await Promise.all(Array.from({ length: FILL_WORKERS }, worker));
}

export function planSummary(plan: unknown): string {
  const nodes: string[] = [];
  const walk = (node: Record<string, unknown>): void => {
    const index = typeof node['Index Name'] === 'string' ? ` using ${node['Index Name']}` : '';
    nodes.push(`${String(node['Node Type'])}${index}`);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const root = (plan as { Plan: Record<string, unknown>; 'Execution Time': number }[])[0]!;
  walk(root.Plan);
  return `${nodes.join(' → ')} (${round(root['Execution Time'], 2)} ms)`;
}

async function measureHistory(server: ThrowAwayPostgres): Promise<HistoryFigure> {
  const running = await startHub('postgres', server);
  const sql = connectPostgres(running.databaseUrl!, { max: FILL_WORKERS });
  try {
    log(`generating ${TICKETS.toLocaleString('en')} tickets with INSERT … SELECT generate_series (chunks of ${FILL_CHUNK.toLocaleString('en')}, ${FILL_WORKERS} at a time)`);
    const fillStarted = performance.now();
    await fillTickets(sql, TICKETS);
    log('VACUUM (ANALYZE) tickets, CHECKPOINT');
    // Sets hint bits and the visibility map as autovacuum would, and keeps autovacuum from doing it during the lookups.
    await sql.query('VACUUM (ANALYZE) tickets');
    // Writes the load out now rather than in a checkpoint during the lookups.
    await sql.query('CHECKPOINT');
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const [stats] = await sql.query<{ tickets: number; callers: number; size: string }>(
      "SELECT count(*)::int AS tickets, count(DISTINCT caller_number)::int AS callers, pg_size_pretty(pg_total_relation_size('tickets')) AS size FROM tickets",
    );
    log(`loaded in ${round(fillSeconds)} s: ${stats?.tickets.toLocaleString('en')} tickets, ${stats?.callers.toLocaleString('en')} distinct callers, table with indexes ${stats?.size}`);

    // Lookups go to the numbers of random tickets: a caller who calls often is looked up often, as at the desk.
    const percent = Math.min(100, ((LOOKUPS + LOOKUP_WARMUP) * 4 * 100) / TICKETS);
    const sample = await sql.query<{ caller_number: string; category_1: string; category_2: string }>(
      `SELECT caller_number, category_1, category_2 FROM tickets TABLESAMPLE BERNOULLI (${percent}) REPEATABLE (12345) ORDER BY random() LIMIT ${LOOKUPS + LOOKUP_WARMUP}`,
    );
    if (sample.length < LOOKUPS + LOOKUP_WARMUP) throw new Error(`only ${sample.length} tickets sampled`);

    // The plan of both statements for the busiest caller (the head of the skew, by construction), as the hub runs them.
    const busiestNumber = `139${'0'.repeat(8)}`;
    const [busiest] = await sql.query<{ n: number; category_1: string; category_2: string }>(
      'SELECT count(*) OVER ()::int AS n, category_1, category_2 FROM tickets WHERE caller_number = $1 ORDER BY created_at DESC LIMIT 1',
      [busiestNumber],
    );
    const since = new Date();
    since.setMonth(since.getMonth() - 12);
    const listPlan = await sql.query<{ 'QUERY PLAN': unknown }>(
      'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT * FROM tickets WHERE caller_number = $1 AND created_at >= $2 ORDER BY created_at DESC LIMIT 20',
      [busiestNumber, since.toISOString()],
    );
    const countPlan = await sql.query<{ 'QUERY PLAN': unknown }>(
      'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT count(*)::int AS n FROM tickets WHERE caller_number = $1 AND created_at >= $2 AND category_1 = $3 AND category_2 = $4',
      [busiestNumber, new Date(Date.now() - 30 * 86_400_000).toISOString(), busiest?.category_1 ?? '', busiest?.category_2 ?? ''],
    );
    const plan = `list: ${planSummary(listPlan[0]?.['QUERY PLAN'])}; same matter: ${planSummary(countPlan[0]?.['QUERY PLAN'])}`;
    log(`plans for the busiest caller ${busiestNumber} (${busiest?.n ?? 0} tickets): ${plan}`);

    const desk = await signIn(running.url, 'op01', 'desk-history-01');
    const times: number[] = [];
    for (const [i, row] of sample.entries()) {
      const url = `${running.url}/v1/callers/${row.caller_number}/history?category1=${encodeURIComponent(row.category_1)}&category2=${encodeURIComponent(row.category_2)}`;
      const started = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${desk.token}` } });
      const body = (await response.json()) as { tickets?: unknown[] };
      const elapsed = performance.now() - started;
      if (response.status !== 200 || !Array.isArray(body.tickets)) throw new Error(`history of ${row.caller_number} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
      if (i >= LOOKUP_WARMUP) times.push(elapsed);
    }
    const figure = { fillSeconds, tickets: stats?.tickets ?? 0, callers: stats?.callers ?? 0, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), plan };
    log(`${times.length} lookups: p50 ${round(figure.p50, 2)} ms, p95 ${round(figure.p95, 2)} ms, p99 ${round(figure.p99, 2)} ms`);
    return figure;
  } finally {
    await sql.close();
    await running.close();
  }
}

// ---------------------------------------------------------------------------
// Presence fan-out to 1,400 supervisor sockets on two hub instances

interface WatcherSetup {
  urls: string[];
  token: string;
  count: number;
}

type WatcherMessage = { type: 'ready'; connected: number } | { type: 'complete'; key: string } | { type: 'failed'; message: string };

/** The child process: opens the sockets, reports when the last of them has a change. */
async function runWatchers(): Promise<void> {
  const setup = JSON.parse(process.env.HUB_BENCH_WATCH ?? '{}') as WatcherSetup;
  const send = (message: WatcherMessage): void => {
    process.send?.(message);
  };
  const counts = new Map<string, number>();
  const sockets: WebSocket[] = [];
  const open = (url: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/live`, { headers: { authorization: `Bearer ${setup.token}` } });
      sockets.push(socket);
      let snapshot = false;
      socket.on('message', (data: Buffer) => {
        const text = data.toString();
        if (!snapshot) {
          snapshot = true;
          resolve();
          return;
        }
        // The change's key (its `since`) by a string search: no JSON parse per socket on the receiving side.
        const at = text.indexOf('"since":"');
        if (at < 0) return;
        const key = text.slice(at + 9, text.indexOf('"', at + 9));
        const n = (counts.get(key) ?? 0) + 1;
        if (n === setup.count) {
          counts.delete(key);
          send({ type: 'complete', key });
        } else counts.set(key, n);
      });
      socket.once('error', reject);
      socket.once('close', (code) => {
        if (!snapshot) reject(new Error(`socket closed with ${code} before the snapshot`));
      });
    });
  try {
    for (let i = 0; i < setup.count; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, setup.count - i) }, (_, j) => open(setup.urls[(i + j) % setup.urls.length]!)));
    }
    send({ type: 'ready', connected: sockets.length });
  } catch (error) {
    send({ type: 'failed', message: String(error) });
  }
  process.on('message', (message) => {
    if (message === 'stop') {
      for (const socket of sockets) socket.terminate();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** Asks the watcher process to close its sockets and exit; kills it when it does not within 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  if (!alive()) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send('stop');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000)))]);
  clearTimeout(timer);
  if (alive()) child.kill('SIGKILL');
}

interface FanoutFigure {
  p50: number;
  p99: number;
  max: number;
  putP50: number;
  perHub: number[];
}

async function measureFanout(server: ThrowAwayPostgres): Promise<FanoutFigure> {
  const first: RunningHub = await startHub('postgres', server);
  const secondSql = connectPostgres(first.databaseUrl!);
  const second = await createHub({ sql: secondSql, resourcesDir });
  let child: ChildProcess | null = null;
  try {
    await second.app.listen({ host: '127.0.0.1', port: 0 });
    const secondUrl = `http://127.0.0.1:${(second.app.server.address() as AddressInfo).port}`;
    const hubs = [first.url, secondUrl];
    const supervisor = await signIn(first.url, 'sup01');
    const desks = await Promise.all(Array.from({ length: SEAT_DESKS }, (_, i) => signIn(first.url, ['op01', 'op02', 'op03'][i % 3]!, `seat-bench-${String(i + 1).padStart(2, '0')}`)));

    const waiting = new Map<string, () => void>();
    let ready: (connected: number) => void = () => undefined;
    let failed: (error: Error) => void = () => undefined;
    const readyPromise = new Promise<number>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    const watchers = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, HUB_BENCH_ROLE: 'watchers', HUB_BENCH_WATCH: JSON.stringify({ urls: hubs, token: supervisor.token, count: WATCHERS } satisfies WatcherSetup) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = watchers;
    watchers.on('message', (message: WatcherMessage) => {
      if (message.type === 'ready') ready(message.connected);
      else if (message.type === 'failed') failed(new Error(`watchers: ${message.message}`));
      else {
        waiting.get(message.key)?.();
        waiting.delete(message.key);
      }
    });
    watchers.once('exit', (code) => {
      failed(new Error(`watcher process exited (${String(code)})`));
    });
    const connectStarted = performance.now();
    const connected = await readyPromise;
    const perHub = [first.hub.feed.size, second.feed.size];
    log(`${connected} supervisor sockets connected in ${round((performance.now() - connectStarted) / 1000, 1)} s (${perHub.join(' + ')} on the two hubs)`);

    const states = ['ready', 'on_call', 'after_call_work', 'ready', 'break'] as const;
    const base = Date.now() - 3_600_000;
    const latencies: number[] = [];
    const putTimes: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const since = new Date(base + i).toISOString();
      const state = states[i % states.length]!;
      const report = { state, since, callStartedAt: state === 'on_call' ? since : null, reason: state === 'break' ? '小休' : null, helpRequested: false };
      const desk = desks[i % desks.length]!;
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`change ${i} did not reach all ${WATCHERS} sockets within 10 s`));
        }, 10_000);
        waiting.set(since, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const started = performance.now();
      const response = await fetch(`${hubs[i % 2]!}/v1/presence`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
        body: JSON.stringify(report),
      });
      putTimes.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`presence answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      await arrived;
      latencies.push(performance.now() - started);
      // Desks change state now and then, not back to back.
      await new Promise((resolve) => setTimeout(resolve, 10 + (i % 5) * 5));
    }
    const figure = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), putP50: percentile(putTimes, 50), perHub };
    log(`${CHANGES} changes to ${WATCHERS} sockets: p50 ${round(figure.p50)} ms, p99 ${round(figure.p99)} ms, max ${round(figure.max)} ms (PUT answered p50 ${round(figure.putP50)} ms)`);
    return figure;
  } finally {
    if (child) await stopChild(child);
    await second.close();
    await secondSql.close();
    await first.close();
  }
}

// ---------------------------------------------------------------------------

export const hubBench: BenchArea = {
  name: 'hub',
  description: `hub on a real PostgreSQL: push of ${BATCH}-ticket batches (${PUSH_DESKS} desks, fsync on and off), caller history on ${TICKETS.toLocaleString('en')} tickets, presence fan-out to ${WATCHERS} sockets on 2 hubs`,
  async run(): Promise<BenchRow[]> {
    const limit = openFileLimit();
    const needed = WATCHERS + 600; // the hubs' side of the sockets (the watchers' side is in a child process), pools, files
    if (PARTS.has('fanout') && limit !== null && limit < needed) {
      throw new Error(`open-file limit is ${limit}; the fan-out needs about ${needed} in each process: run \`ulimit -n 4096\` first`);
    }
    const load = (): string => os.loadavg()[0]!.toFixed(1);
    const machine = `${os.availableParallelism()} cores, 1-min load ${load()} at start`;
    log(`open-file limit (ulimit -n): ${limit ?? 'unknown'}; ${machine}`);
    const rows: BenchRow[] = [];

    // fsync on, as a production server runs: the headline push figure and the fan-out (each PUT commits).
    if (PARTS.has('push') || PARTS.has('fanout')) {
      const durable = await startThrowAwayPostgres({ fsync: true });
      try {
        const facts = await serverFacts(durable);
        printFacts('durable cluster', facts);
        if (PARTS.has('push')) {
          const { multi, single, floor } = await measurePush(durable, 'fsync', true);
          rows.push(
            {
              key: 'hub.push_floor_ratio',
              value: round(multi.perSecond / floor.perSecond, 3),
              unit: '×',
              note: `hub push ${Math.round(multi.perSecond)}/s ÷ raw floor ${Math.round(floor.perSecond)}/s (the same rows as two multi-row INSERTs per batch, ${PUSH_DESKS} connections, no checks), same run, fsync=on; target ≥ 0.5`,
            },
            { key: 'hub.push_floor_tickets_per_s', value: Math.round(floor.perSecond), unit: 'tickets/s', note: 'the raw floor itself' },
            { key: 'hub.push_tickets_per_s', value: Math.round(multi.perSecond), unit: 'tickets/s', note: `${facts.summary}; ${machine}; ${PUSH_DESKS} desks × ${BATCHES_PER_DESK} batches of ${BATCH}, ${multi.tickets} tickets, ${categories.length} matters × ${DISTRICTS.length} districts; batch p95 ${round(multi.batchP95Ms)} ms; early warning kept the database busy ${round(multi.drainSeconds, 1)} s after the last answer; target ≥ 2000` },
            ...(single
              ? [{ key: 'hub.push_tickets_per_s_single_desk', value: Math.round(single.perSecond), unit: 'tickets/s', note: `fsync=on; 1 desk × ${SINGLE_DESK_BATCHES} batches of ${BATCH}; batch p95 ${round(single.batchP95Ms)} ms; busy ${round(single.drainSeconds, 1)} s after` }]
              : []),
          );
        }
        if (PARTS.has('fanout')) {
          const fan = await measureFanout(durable);
          const spread = `${WATCHERS} sockets (${fan.perHub.join(' + ')}) on 2 hub instances, ${CHANGES} changes, LISTEN/NOTIFY`;
          rows.push(
            { key: 'hub.fanout_p99_ms', value: round(fan.p99, 1), unit: 'ms', note: `PUT sent → last socket has it; ${spread}; fsync=on; max ${round(fan.max)} ms; target ≤ 500` },
            { key: 'hub.fanout_p50_ms', value: round(fan.p50, 1), unit: 'ms', note: `PUT answered p50 ${round(fan.putP50)} ms` },
          );
        }
      } finally {
        durable.stop();
      }
    }

    // fsync off (the throw-away default): push for comparison and the 5-million-ticket history.
    if (PARTS.has('push') || PARTS.has('history')) {
      const fast = await startThrowAwayPostgres();
      try {
        const facts = await serverFacts(fast);
        printFacts('throw-away cluster', facts);
        if (PARTS.has('push')) {
          const { multi } = await measurePush(fast, 'nofsync', false);
          rows.push({
            key: 'hub.push_tickets_per_s_nofsync',
            value: Math.round(multi.perSecond),
            unit: 'tickets/s',
            note: `fsync=off (throw-away cluster), comparison only; ${PUSH_DESKS} desks; batch p95 ${round(multi.batchP95Ms)} ms; busy ${round(multi.drainSeconds, 1)} s after`,
          });
        }
        if (PARTS.has('history')) {
          const history = await measureHistory(fast);
          rows.push(
            { key: 'hub.history_p95_ms', value: round(history.p95, 2), unit: 'ms', note: `${LOOKUPS} lookups over HTTP on ${history.tickets} tickets, ${history.callers} callers; ${facts.summary}; p99 ${round(history.p99, 2)} ms; target ≤ 20` },
            { key: 'hub.history_p50_ms', value: round(history.p50, 2), unit: 'ms', note: history.plan },
            { key: 'hub.history_fill_s', value: round(history.fillSeconds, 1), unit: 's', note: `INSERT … SELECT generate_series, ${FILL_WORKERS} chunks at a time, indexes in place, then VACUUM (ANALYZE) and CHECKPOINT` },
            { key: 'hub.history_tickets', value: history.tickets, unit: 'tickets', note: 'size of the history table (HUB_BENCH_TICKETS)' },
          );
        }
      } finally {
        fast.stop();
      }
    }
    log(`1-min load average at the end: ${load()} (other work on the machine skews every figure)`);
    return rows;
  },
};

if (process.env.HUB_BENCH_ROLE === 'watchers') {
  runWatchers().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
