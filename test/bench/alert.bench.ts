/**
 * Early-warning latency, end to end: from the push of a burst's last ticket
 * to the alert's row on a supervisor's screen.
 *
 * A real hub on a real PostgreSQL (fsync on), a supervisor's workbench (the
 * built web host) in Chromium signed in as sup01 with the 预警 panel open
 * (Alt+6), and other desks pushing ordinary tickets in the background
 * (BACKGROUND_PER_S over four dozen matters and twelve districts, so the
 * hub's early warning has real counting to do). Each round pushes
 * BURST_MIN − 1 tickets about a matter in a district nobody has reported
 * before, then the last one; the clock starts when that push is sent and
 * stops when a MutationObserver in the page sees the burst's row appear
 * (both clocks are this machine's wall clock). The path measured: push →
 * commit → early warning round → NOTIFY → the hub's live feed → the desk's
 * WebSocket → the desk services → the renderer's store → React.
 *
 * Run: `npx tsx test/bench/run.ts alert` after `npm run build`.
 */
import os from 'node:os';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { defaultAlertSettings } from '../../shared/hub/alerts';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { RunningHub } from '../hub/support/hub-harness';
import { hubClient, registerOp, signIn, startHub } from '../hub/support/hub-harness';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import { chromiumLaunchOptions } from '../support/chromium';
import { startBuiltWebHost } from '../support/web-host';
import type { BenchArea, BenchRow } from './bench-area';
import { median, percentile } from './bench-area';
import { commonMatters, DISTRICTS } from './hub-load';

const ROUNDS = 30;
const BACKGROUND_DESKS = 4;
/** About 7,000 tickets an hour: five times the busiest hour of a centre taking 13,000 calls a day. */
const BACKGROUND_PER_S = 2;
const BURST_MIN = defaultAlertSettings.burstMin;

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line: string): void => {
  console.log(`      alert: ${line}`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** In the page: the wall-clock time each burst row first appeared, by alert id. */
const WATCHER = `(() => {
  const seen = {};
  window.__burstRows = seen;
  const look = () => {
    for (const row of document.querySelectorAll('[data-testid="alert-row"][data-kind="burst"]')) {
      const id = row.getAttribute('data-alert-id');
      if (id && !(id in seen)) seen[id] = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
  look();
})()`;

async function signInSupervisor(page: Page, hubUrl: string): Promise<void> {
  await page.keyboard.press('Alt+KeyL');
  await page.getByTestId('hub-url').fill(hubUrl);
  await page.getByTestId('hub-username').fill('sup01');
  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  await page.locator('[data-testid="hub-session"][data-state="signed_in"]').waitFor({ timeout: 60_000 });
  await page.keyboard.press('Alt+Digit6');
  await page.getByTestId('alerts-panel').waitFor();
}

/** Desks pushing ordinary tickets until stopped; returns how many they pushed. */
function backgroundLoad(hub: RunningHub): { stop(): Promise<number> } {
  let running = true;
  let pushed = 0;
  const call = hubClient(hub.url);
  const desks = Array.from({ length: BACKGROUND_DESKS }, async (_, d) => {
    const deskId = `desk-background-${String(d + 1).padStart(2, '0')}`;
    const session = await signIn(hub.url, 'op01', deskId);
    const perPush = Math.max(1, Math.round(BACKGROUND_PER_S / BACKGROUND_DESKS / 2));
    for (let seq = 1; running; ) {
      const operations = Array.from({ length: perPush }, () => {
        const n = seq + d * 7;
        return registerOp(seq++, 'op01', {
          category: commonMatters[n % commonMatters.length]!,
          location: { district: DISTRICTS[n % DISTRICTS.length]!, town: null, address: '' },
          callerNumber: `137${String(d * 1_000_000 + n).padStart(8, '0')}`,
        });
      });
      const reply = await call('POST', '/v1/sync/push', { deskId, operations }, session.token);
      if (reply.status !== 200) throw new Error(`background push answered ${reply.status}`);
      pushed += operations.length;
      await sleep(500);
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(desks);
      return pushed;
    },
  };
}

export const alertBench: BenchArea = {
  name: 'alert',
  description: `early-warning latency: a burst's last ticket pushed → the alert on a supervisor's screen in Chromium (${ROUNDS} bursts, ${BACKGROUND_PER_S} tickets/s of background on a real PostgreSQL)`,
  async run(): Promise<BenchRow[]> {
    const postgres = await startThrowAwayPostgres({ fsync: true });
    const hub = await startHub('postgres', postgres);
    const host = await startBuiltWebHost();
    const browser = await chromium.launch(chromiumLaunchOptions);
    let load: ReturnType<typeof backgroundLoad> | null = null;
    try {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await page.goto(host.url);
      await page.getByTestId('status-bar').waitFor();
      await signInSupervisor(page, hub.url);
      for (let i = 0; i < 600 && hub.hub.feed.size === 0; i++) await sleep(100);
      if (hub.hub.feed.size === 0) throw new Error('the supervisor desk never joined the live feed');
      await page.evaluate(WATCHER);

      load = backgroundLoad(hub);
      await sleep(3_000);
      const call = hubClient(hub.url);
      const desk = await signIn(hub.url, 'op02', 'desk-burst-01');
      const latencies: number[] = [];
      let seq = 1;
      for (let r = 0; r < ROUNDS; r++) {
        // A matter and district of its own per round: nothing of it before, so BURST_MIN tickets make a burst.
        const matter: [string, string] = ['测量专用', `第${String(r + 1)}轮事项`];
        const district = DISTRICTS[r % DISTRICTS.length]!;
        const ticket = (i: number) => registerOp(seq++, 'op02', { category: matter, location: { district, town: null, address: '' }, callerNumber: `136${String(r * 100 + i).padStart(8, '0')}` });
        const first = Array.from({ length: BURST_MIN - 1 }, (_, i) => ticket(i));
        expect200(await call('POST', '/v1/sync/push', { deskId: 'desk-burst-01', operations: first }, desk.token));
        await sleep(400);
        const last = ticket(BURST_MIN);
        const sentAt = performance.timeOrigin + performance.now();
        expect200(await call('POST', '/v1/sync/push', { deskId: 'desk-burst-01', operations: [last] }, desk.token));
        const id = await alertId(hub, matter, district);
        const shownAt = await page.waitForFunction((alertId) => (window as unknown as { __burstRows: Record<string, number> }).__burstRows[alertId], String(id), { timeout: 30_000, polling: 50 });
        latencies.push(((await shownAt.jsonValue()) as number) - sentAt);
        await sleep(300);
      }
      const background = await load.stop();
      load = null;
      const p95 = percentile(latencies, 95) / 1000;
      log(`${ROUNDS} bursts: median ${round(median(latencies))} ms, p95 ${round(percentile(latencies, 95))} ms, max ${round(Math.max(...latencies))} ms; ${background} background tickets; 1-min load ${os.loadavg()[0]!.toFixed(1)}`);
      return [
        {
          key: 'alert.latency_s',
          value: round(p95, 3),
          unit: 's',
          note: `p95 of ${ROUNDS} bursts, last ticket's push sent → row on the supervisor's screen (Chromium, web host, hub on PostgreSQL fsync=on, ${BACKGROUND_PER_S} tickets/s background); median ${round(median(latencies) / 1000, 3)} s, max ${round(Math.max(...latencies) / 1000, 3)} s; target ≤ 2`,
        },
      ];
    } finally {
      await load?.stop().catch(() => 0);
      await browser.close();
      await host.stop();
      await hub.close();
      postgres.stop();
    }
  },
};

function expect200(reply: { status: number; body: unknown }): void {
  if (reply.status !== 200) throw new Error(`push answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`);
}

/** The id of the burst alert for a matter in a district, waiting for the hub's evaluation to write it. */
async function alertId(hub: RunningHub, matter: [string, string], district: string): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const [row] = await hub.sql.query<{ id: string }>("SELECT id FROM alerts WHERE kind = 'burst' AND category_1 = $1 AND category_2 = $2 AND district = $3", [...matter, district]);
    if (row) return Number(row.id);
    await sleep(20);
  }
  throw new Error(`no burst alert for ${matter.join('/')} in ${district}`);
}
