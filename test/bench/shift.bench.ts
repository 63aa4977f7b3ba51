/**
 * `npm run bench -- shift`: a compressed night shift against real servers.
 * The desk's services (in this process) register the night's tickets against
 * a hub process on a real PostgreSQL cluster, with a supervisor's live feed
 * open the whole time. Beside it, a seat in Chromium (the built web host, its
 * phone registered to Kamailio + rtpengine, signed in to the hub) takes calls
 * that sipp places through the night, and a supervisor's board page stays
 * open (shift-seat.ts). The long-run faults come at fixed hours: two hub
 * restarts, one PostgreSQL restart, three 3 s network cuts in the middle of a
 * call (the hub link and the phone's link together), a shift change with
 * tickets still queued (the seat on a meal break meanwhile, so calls are
 * refused), and garbage frames on the live feed. At the end every ticket
 * registered is looked up on the hub.
 *
 * SHIFT_HOURS (default 12) simulated hours of SHIFT_HOUR_S (default 20) wall
 * seconds each; SHIFT_TICKETS_PER_HOUR (default 175); a call every
 * SHIFT_CALL_EVERY_MIN simulated minutes (default 15). The faults need at
 * least 9 hours; a short trial run: SHIFT_HOURS=9 SHIFT_HOUR_S=10.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DeskServices } from '../../electron/services/desk-services';
import { LiveSeats } from '../../electron/services/hub/live-seats';
import { createLogger } from '../../electron/services/logger';
import { HubHttp } from '../../electron/services/sync/hub-http';
import { connectPostgres } from '../../server/src/db/pg-driver';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import type { LiveMessage } from '../../shared/hub/presence';
import { sampleRegistration } from '../support/sample-ticket';
import { startHubFaultProxy } from '../support/hub-fault-proxy';
import { startTcpProxy } from '../support/tcp-proxy';
import { enrolDesk } from '../hub/support/desk-enrolment';
import { resourcesDir, signIn } from '../hub/support/hub-harness';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import type { BenchArea, BenchRow } from './bench-area';
import type { PlacedCall } from './shift-seat';
import { startShiftSeat } from './shift-seat';

const HOURS = Number(process.env.SHIFT_HOURS ?? 12);
const HOUR_S = Number(process.env.SHIFT_HOUR_S ?? 20);
const PER_HOUR = Number(process.env.SHIFT_TICKETS_PER_HOUR ?? 175);
const CALL_EVERY_MIN = Number(process.env.SHIFT_CALL_EVERY_MIN ?? 15);
/** Talk time of a call before the desk hangs up, wall ms. */
const TALK_MS = 1_500;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const root = path.resolve(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The hub as its own process (so it can be restarted and its memory read), on a fixed port. */
function hubProcess(databaseUrl: string, port: number) {
  let child: ChildProcess | null = null;
  const url = `http://127.0.0.1:${String(port)}`;
  const start = async (): Promise<void> => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts')], {
      cwd: root,
      env: { ...process.env, HUB_DATABASE_URL: databaseUrl, HUB_PORT: String(port), HUB_RESOURCES: resourcesDir, HUB_LOG_LEVEL: 'warn', HUB_DEMO_ACCOUNTS: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if ((await fetch(`${url}/v1/health`).catch(() => null))?.ok) return;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('hub process did not start');
      await sleep(200);
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  /** Resident set of the hub process in MB, from /proc. */
  const rssMb = (): number => {
    const status = fs.readFileSync(`/proc/${String(child?.pid)}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  };
  return { url, start, stop, rssMb, restart: async () => { await stop(); await start(); } };
}

export const shiftBench: BenchArea = {
  name: 'shift',
  description: `compressed night: ${String(HOURS)} simulated hours × ${String(HOUR_S)} s, desk services + hub process on PostgreSQL, a seat in Chromium taking sipp calls through Kamailio/rtpengine every ${String(CALL_EVERY_MIN)} simulated min, a board page, restarts, cuts mid-call, shift change, live feed`,
  async run(): Promise<BenchRow[]> {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const postgres = await startThrowAwayPostgres();
    // Whatever happens, nothing started here is left running (run in reverse order).
    const cleanups: (() => unknown)[] = [() => postgres.stop()];
    try {
      const admin = connectPostgres(postgres.url, { max: 1 });
      await admin.query('CREATE DATABASE shift');
      await admin.close();
      const databaseUrl = postgres.url.replace(/\/[^/]*$/, '/shift');
      const hub = hubProcess(databaseUrl, await freePort());
      cleanups.push(() => hub.stop());
      await hub.start();
      const wire = await startTcpProxy({ port: Number(new URL(hub.url).port) });
      cleanups.push(() => wire.close());
      const feedProxy = await startHubFaultProxy(hub.url);
      cleanups.push(() => feedProxy.close());
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shift-desk-'));
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      const services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'bench', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 5_000 });
      const desk = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
      cleanups.push(() => services.close());
      const quiet = { warn: () => undefined, error: () => undefined };
      const api = async <M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>> => {
        const result = await invokeDeskMethod(desk, method, input, quiet);
        if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
        return result.value as DeskOutput<M>;
      };
      const events: string[] = [];
      const log = (what: string): void => {
        events.push(what);
        console.log(`      ${what}`);
      };

      // The supervisor's board feed, open the whole night, through a proxy that also injects garbage frames.
      const supervisor = await signIn(hub.url, 'sup01');
      const feedMessages: { at: number; message: LiveMessage }[] = [];
      let feedErrors = 0;
      let supervisorToken = supervisor.token;
      const board = new LiveSeats({
        http: new HubHttp(feedProxy.url, () => supervisorToken),
        token: () => supervisorToken,
        onMessage: (message) => feedMessages.push({ at: Date.now(), message }),
        onError: () => {
          feedErrors += 1;
        },
      });
      board.start();
      cleanups.push(() => board.stop());
      // A second desk reports its state every second (ready ⇄ a short break): the updates the board should keep receiving.
      // Only the seat in Chromium is ever on a call, so an on-call tile on the board is its call.
      let reporter = await signIn(hub.url, 'op03', 'shift-reporter');
      const night = { over: false };
      const reportsAccepted: number[] = [];
      cleanups.push(() => (night.over = true));
      const reports = (async () => {
        let i = 0;
        while (!night.over) {
          i += 1;
          const body = { state: i % 2 ? 'break' : 'ready', since: new Date().toISOString(), callStartedAt: null, reason: i % 2 ? '小休' : null, helpRequested: false };
          const answer = await fetch(`${hub.url}/v1/presence`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${reporter.token}` }, body: JSON.stringify(body) }).catch(() => null);
          if (answer?.ok) reportsAccepted.push(Date.now());
        if (answer?.status === 401) reporter = await signIn(hub.url, 'op03', 'shift-reporter').catch(() => reporter);
          await sleep(1_000);
        }
      })();

      services.settings.update({ hubUrl: wire.url });
      await enrolDesk(services, wire.url, hub.url);
      await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
      // The seat in Chromium (op03; presence is per desk, so it shares the account with the reporter) and the supervisor's board.
      const seat = await startShiftSeat({ hubUrl: hub.url, hubWireUrl: wire.url, operator: 'op03', supervisor: 'sup01' });
      try {
        // A network cut: the hub link of both desks and the seat's phone link, 3 s.
        const cutNetwork = async (): Promise<void> => {
          await Promise.all([wire.cut(3_000), seat.sipWire.cut(3_000)]);
        };
        // Cuts asked for by the hour's fault, made by the call loop in the middle of the next answered call.
        const pendingCuts: (() => void)[] = [];
        const cutMidCall = async (which: number): Promise<void> => {
          let made = (): void => undefined;
          const done = new Promise<void>((resolve) => {
            made = resolve;
          });
          pendingCuts.push(made);
          const late = await Promise.race([done.then(() => false), sleep(60_000).then(() => true)]);
          if (late && pendingCuts.includes(made)) {
            pendingCuts.splice(pendingCuts.indexOf(made), 1);
            log(`network cut ${String(which)}: no call answered within 60 s, cut between calls`);
            await cutNetwork();
          }
        };

        const registered: string[] = [];
        const heapMb = (): number => {
          gc();
          return process.memoryUsage().heapUsed / 1024 / 1024;
        };
        let heapFirst = NaN;
        let rssFirst = NaN;
        let boardStaleMax = 0;
        const started = Date.now();
        const faults: Record<number, () => Promise<void>> = {
          2: async () => {
            log('hub restart 1');
            await hub.restart();
          },
          3: async () => {
            log('network cut 1 (3 s) in the middle of a call');
            await cutMidCall(1);
          },
          4: async () => {
            log('PostgreSQL restart (3 s down)');
            const seen = feedMessages.length;
            await postgres.restart(3_000);
            const back = Date.now();
            // How long the board went without an update once the database was back.
            for (;;) {
              const next = feedMessages.slice(seen).find((m) => m.at >= back && (m.message.type === 'seat' || (m.message.type === 'feed' && !m.message.stale)));
              if (next) {
                boardStaleMax = Math.max(boardStaleMax, (next.at - back) / 1000);
                break;
              }
              if (Date.now() - back > 60_000) {
                boardStaleMax = Math.max(boardStaleMax, 60);
                break;
              }
              await sleep(100);
            }
            // Which step took the time: the feed's messages and the reporter's first accepted report, relative to the database's return.
            const offset = (at: number): string => `${at >= back ? '+' : ''}${((at - back) / 1000).toFixed(1)} s`;
            const steps = feedMessages
              .slice(seen)
              .filter((m) => m.message.type !== 'seat')
              .map((m) => `${m.message.type}${m.message.type === 'feed' ? (m.message.stale ? ' stale' : ' fresh') : ''} ${offset(m.at)}`);
            const accepted = reportsAccepted.find((at) => at >= back);
            log(
              `board updated ${boardStaleMax.toFixed(1)} s after PostgreSQL came back (feed: ${steps.join(', ') || 'no feed message'}; first seat report accepted ${accepted ? offset(accepted) : 'never'})`,
            );
          },
          5: async () => {
            log('network cut 2 (3 s) in the middle of a call');
            await cutMidCall(2);
          },
          6: async () => {
            log('shift change with a non-empty queue; the seat in Chromium on a meal break meanwhile');
            seatBreak.wanted = true;
            wire.setRefusing(true);
            wire.cutAll();
            for (let i = 0; i < 20; i++) await registerOne();
            await api('hubSignOut', undefined);
            wire.setRefusing(false);
            // As an operator would: sign-in is tried again while the hub is slow to answer (password hashing under load).
            for (let attempt = 1; ; attempt++) {
              try {
                await api('hubSignIn', { username: 'op02', password: DEMO_PASSWORD });
                break;
              } catch (error) {
                if (attempt >= 10) throw error;
                log(`sign-in of op02 failed (${String(error)}), trying again`);
                await sleep(2_000);
              }
            }
            // The break lasts past the shift change, so calls of this hour find the seat not ready.
            await sleep((HOUR_S * 1000) / 2);
            seatBreak.wanted = false;
          },
          7: async () => {
            log('hub restart 2');
            await hub.restart();
            supervisorToken = (await signIn(hub.url, 'sup01')).token;
          },
          8: async () => {
            log('network cut 3 (3 s) in the middle of a call');
            await cutMidCall(3);
          },
        };
        const seatBreak = { wanted: false };
        let numbered = 0;
        const registerOne = async (): Promise<void> => {
          // Numbered before the first await: the shift change registers while the hour's own tickets go on.
          numbered += 1;
          const registration = sampleRegistration({ description: `夜班登记第 ${String(numbered)} 张：路灯不亮，夜间行人看不清路。` });
          await api('registerTicket', { registration, trainee: false });
          registered.push(registration.id);
        };

        // The calls of the night: one every CALL_EVERY_MIN simulated minutes, one at a time (a call that runs long
        // delays the next ones). Simulated time follows the hours: an hour stretched by its fault stops at its 60th minute.
        const calls: PlacedCall[] = [];
        const clock = { hour: 0, hourStart: started };
        const simulatedMinute = (): number => clock.hour * 60 + Math.min(60, ((Date.now() - clock.hourStart) / (HOUR_S * 1000)) * 60);
        const callLoop = (async () => {
          let onBreak = false;
          const over = (): boolean => night.over;
          for (let n = 0; !over(); n++) {
            while (simulatedMinute() < n * CALL_EVERY_MIN && !over()) await sleep(100);
            if (over()) break;
            if (seatBreak.wanted !== onBreak) {
              await seat.setBreak(seatBreak.wanted);
              onBreak = seatBreak.wanted;
              log(onBreak ? 'seat: meal break (Alt+Shift+3)' : 'seat: ready again (Alt+Shift+1)');
            }
            const cut = pendingCuts.shift();
            const cutState = { made: false };
            const placed = await seat.call(TALK_MS, cut ? async () => {
              await cutNetwork();
              cutState.made = true;
              cut();
            } : undefined);
            // A cut not made because the call failed before it: the next call makes it.
            if (cut && !cutState.made) pendingCuts.unshift(cut);
            calls.push(placed);
            if (placed.outcome === 'failed') log(`call ${String(calls.length)} failed: ${placed.detail ?? ''}`);
            else if (cutState.made) log(`call ${String(calls.length)}: answered, cut for 3 s, recovered (re-registered, ICE restart, audio again)`);
          }
          if (onBreak) await seat.setBreak(false);
        })();
        let rendererFirst = NaN;
        let boardFirst = NaN;

        for (let hour = 0; hour < HOURS; hour++) {
          const hourStart = Date.now();
          Object.assign(clock, { hour, hourStart });
          if (hour === 1) {
            heapFirst = heapMb();
            rendererFirst = await seat.heapMb(seat.page);
            boardFirst = await seat.heapMb(seat.board);
          }
          // The hub is restarted during hour 7: its memory is followed from the hour after to the end.
          if (hour === 8) rssFirst = hub.rssMb();
          const fault = faults[hour];
          const faultDone = fault ? fault() : Promise.resolve();
          const gap = (HOUR_S * 1000) / PER_HOUR;
          for (let i = 0; i < PER_HOUR; i++) {
            await registerOne();
            if (i % 50 === 0) feedProxy.inject('{"type":"seat","seat":');
            const due = hourStart + (i + 1) * gap;
            if (due > Date.now()) await sleep(due - Date.now());
          }
          await faultDone;
          log(`simulated hour ${String(hour + 1)}: ${String(registered.length)} tickets, outbox ${String((await api('getSyncStatus', undefined)).pending)}, calls ${String(calls.length)} (${String(calls.filter((c) => c.outcome === 'answered').length)} answered)`);
        }
        // Quiesce: everything queued reaches the hub.
        const deadline = Date.now() + 120_000;
        while ((await api('syncNow', undefined)).pending > 0 && Date.now() < deadline) await sleep(500);
        night.over = true;
        await callLoop;
        const heapLast = heapMb();
        const rssLast = hub.rssMb();
        const rendererLast = await seat.heapMb(seat.page);
        const boardLast = await seat.heapMb(seat.board);
        const boardTiles = await seat.board.locator('[data-testid=seat-tile]').count();
        const wallS = (Date.now() - started) / 1000;

        await reports;
        const pageErrors = [...seat.pageErrors];
        const check = connectPostgres(databaseUrl, { max: 1 });
        const found = await check.query<{ id: string; n: string }>('SELECT id::text AS id, count(*) AS n FROM tickets WHERE id = ANY($1::uuid[]) GROUP BY id', [registered]);
        // A registration stored twice would be a second ticket with the same text (each text is numbered once).
        const byText = await check.query<{ n: string }>(
          `SELECT count(*) - count(DISTINCT registration->>'description') AS n FROM tickets WHERE registration->>'description' LIKE '夜班登记第%'`,
        );
        await check.close();

        const lost = registered.length - found.length;
        const duplicated = Number(byText[0]?.n ?? 0) + found.filter((row) => Number(row.n) > 1).length;
        const note = `${wallS.toFixed(0)} s wall; events: ${events.filter((e) => !e.startsWith('simulated')).join('; ')}; feed frames refused ${String(feedErrors)}`;
        const placedReady = calls.filter((c) => c.ready);
        const answered = calls.filter((c) => c.outcome === 'answered');
        const refused = calls.filter((c) => c.outcome === 'refused');
        const failed = calls.filter((c) => c.outcome === 'failed');
        return [
          { key: 'shift.simulated_hours', value: HOURS, unit: 'h', note },
          { key: 'shift.tickets', value: registered.length, unit: 'tickets' },
          { key: 'shift.lost', value: lost, unit: 'tickets' },
          { key: 'shift.duplicated', value: duplicated, unit: 'tickets' },
          { key: 'shift.desk_heap_growth_mb', value: heapLast - heapFirst, unit: 'MB', note: 'desk services heap after forced GC, end of hour 1 → end of night' },
          { key: 'shift.hub_rss_growth_mb', value: rssLast - rssFirst, unit: 'MB', note: 'hub process RSS from the start of hour 9 (after its second restart) to the end; no forced GC inside the hub process' },
          { key: 'shift.board_stale_s_max', value: boardStaleMax, unit: 's', note: 'board without an update after PostgreSQL came back' },
          { key: 'shift.calls_placed_ready', value: placedReady.length, unit: 'calls', note: `sipp calls placed while the seat was ready, of ${String(calls.length)} placed (${String(refused.length)} refused with 480 on the meal break)` },
          {
            key: 'shift.calls_answered',
            value: answered.length,
            unit: 'calls',
            note: `answered by the seat in Chromium (auto-answer), audio through rtpengine, hung up with F7; should equal shift.calls_placed_ready; failed ${String(failed.length)}${failed.length ? ` (${failed.map((c) => c.detail ?? '').join('; ')})` : ''}`,
          },
          {
            key: 'shift.renderer_heap_growth_mb',
            value: rendererLast - rendererFirst,
            unit: 'MB',
            note: `workbench page JS heap after a forced GC (CDP), end of hour 1 → end (${rendererFirst.toFixed(1)} → ${rendererLast.toFixed(1)} MB); board page ${boardFirst.toFixed(1)} → ${boardLast.toFixed(1)} MB with ${String(boardTiles)} seat tiles at the end; page errors ${String(pageErrors.length)}${pageErrors.length ? `: ${pageErrors.slice(0, 3).join('; ')}` : ''}`,
          },
        ];
      } finally {
        await seat.close();
      }
    } finally {
      for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch(() => undefined);
    }
  },
};
