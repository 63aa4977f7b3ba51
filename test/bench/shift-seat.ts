import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import type { DeskPhone } from '../sip/support/desk';
import { deskInboundGrows, iceRestarted, startDeskPhone } from '../sip/support/desk';
import type { SipRig } from '../sip/support/sip-rig';
import { startSipRig } from '../sip/support/sip-rig';
import { runSipp, writeToneFile } from '../sip/support/sipp';
import { chromiumLaunchOptions } from '../support/chromium';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import { answerEnrolmentIfAsked } from '../support/hub-sign-in';
import type { TcpProxy } from '../support/tcp-proxy';
import { startTcpProxy } from '../support/tcp-proxy';
import type { RunningWebHost } from '../support/web-host';
import { startBuiltWebHost } from '../support/web-host';

const PASSWORD = 'night1234';
const EXTENSION = '1001';

/** What became of one call placed to the seat. */
export type CallOutcome =
  /** The seat was ready: answered by itself (the ACD's mark), audio flowed, the desk hung up. */
  | 'answered'
  /** The seat was not ready (a break): refused with 480, as it should be. */
  | 'refused'
  /** Anything else: a ready seat that did not answer, no audio, a refusal while ready, a sipp failure. */
  | 'failed';

export interface PlacedCall {
  ready: boolean;
  outcome: CallOutcome;
  /** Why a call failed (for the log). */
  detail?: string;
}

/**
 * The operator's seat of the night in Chromium: the built web host with its
 * phone registered to Kamailio (digest auth) through a TCP proxy that the
 * soak cuts, auto-answer on (calls carry `Call-Info: answer-after=0`, as an
 * ACD pushes them), signed in to the hub through the soak's hub proxy; and a
 * supervisor's desk (a second web host, sup01) with the seat board open.
 * sipp places each call (G.711 through rtpengine).
 */
export interface ShiftSeat {
  /** The workbench page (its heap is followed). */
  page: Page;
  board: Page;
  /** Places one call; `during` runs while it is answered and audio flows (a network cut), then the desk hangs up. */
  call(talkMs: number, during?: () => Promise<void>): Promise<PlacedCall>;
  /** Agent state from the keyboard: a meal break (Alt+Shift+3) or ready (Alt+Shift+1). */
  setBreak(on: boolean): Promise<void>;
  /** JS heap of a page after a forced GC (CDP), MB. */
  heapMb(page: Page): Promise<number>;
  /** The SIP proxy between the seat's phone and Kamailio. */
  sipWire: TcpProxy;
  /** Uncaught errors in either page so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startShiftSeat(options: { hubUrl: string; hubWireUrl: string; operator: string; supervisor: string }): Promise<ShiftSeat> {
  const rig: SipRig = await startSipRig({ password: PASSWORD });
  const sipWire = await startTcpProxy({ port: rig.wsPort });
  const started: { close(): Promise<void> }[] = [];
  try {
    return await startSeat(options, rig, sipWire, started);
  } catch (error) {
    // Nothing of a seat that did not start is left running (Kamailio and rtpengine run detached).
    for (const part of started.reverse()) await part.close().catch(() => undefined);
    await sipWire.close();
    await rig.stop({ keepLogs: true });
    throw error;
  }
}

async function startSeat(
  options: { hubUrl: string; hubWireUrl: string; operator: string; supervisor: string },
  rig: SipRig,
  sipWire: TcpProxy,
  started: { close(): Promise<void> }[],
): Promise<ShiftSeat> {
  const tone = writeToneFile(rig.dir);
  // Audio plays without a click, as on the desk (Electron sets the same switch).
  const browser: Browser = await chromium.launch({ ...chromiumLaunchOptions, args: [...(chromiumLaunchOptions.args ?? []), '--autoplay-policy=no-user-gesture-required'] });
  started.push({ close: () => browser.close() });
  const desk: DeskPhone = await startDeskPhone(browser, {
    serverUri: `ws://127.0.0.1:${String(sipWire.port)}`,
    domain: rig.domain,
    extension: EXTENSION,
    password: PASSWORD,
    autoAnswer: true,
    afterCallWorkSeconds: 0,
  });
  started.push(desk);
  const { page } = desk;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`workbench: ${error.message}`));
  await page.getByTestId('phone-state').filter({ hasText: '已注册' }).waitFor({ timeout: 30_000 });
  await signIn(page, options.hubWireUrl, options.operator);

  const supervisorHost: RunningWebHost = await startBuiltWebHost();
  started.push({ close: () => supervisorHost.stop() });
  const supervisorContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 900 } });
  const supervisorPage = await supervisorContext.newPage();
  await supervisorPage.goto(supervisorHost.url);
  await signIn(supervisorPage, options.hubUrl, options.supervisor);
  const board = await supervisorContext.newPage();
  board.on('pageerror', (error) => pageErrors.push(`board: ${error.message}`));
  await board.goto(`${supervisorHost.url}/?view=board`);
  await board.getByTestId('board').waitFor({ timeout: 30_000 });

  const phase = (): Promise<string | null> => page.evaluate(() => window.deskPhone.calls()[0]?.phase ?? null);
  const waitFor = async (what: () => Promise<boolean>, timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await what()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  };

  const call = async (talkMs: number, during?: () => Promise<void>): Promise<PlacedCall> => {
    const ready = (await page.getByTestId('agent-state').getAttribute('data-state')) === 'ready';
    const sipp = await runSipp({ scenario: 'uac_acd.xml', proxyPort: rig.sipPort, service: EXTENSION, dir: rig.dir, params: { TONE: tone }, timeoutS: 90 });
    const fail = async (detail: string): Promise<PlacedCall> => {
      sipp.kill();
      await sipp.done;
      // Leave no call behind for the next one.
      if ((await phase()) !== null) await page.keyboard.press('F7');
      await waitFor(async () => (await phase()) === null, 10_000);
      return { ready, outcome: 'failed', detail };
    };
    if (!ready) {
      const code = await sipp.done;
      const refused = code === 0 && /SIP\/2\.0 480/.test(sipp.trace());
      return refused ? { ready, outcome: 'refused' } : { ready, outcome: 'failed', detail: `seat not ready, sipp exit ${String(code)} without a 480` };
    }
    if (!(await waitFor(async () => (await phase()) === 'active', 20_000))) return fail(`not answered (phase ${String(await phase())})`);
    try {
      await deskInboundGrows(page);
    } catch {
      return fail('answered, but no audio reached the desk');
    }
    await page.waitForTimeout(talkMs);
    if (during) {
      const before = await page.evaluate(async () => (await window.deskPhone.stats())?.localUfrag);
      await during();
      try {
        await page.getByTestId('phone-state').filter({ hasText: '已注册' }).waitFor({ timeout: 30_000 });
        await iceRestarted(page, before);
        await deskInboundGrows(page);
      } catch (error) {
        return fail(`the call did not recover from the cut: ${String(error).split('\n')[0] ?? ''}`);
      }
    }
    await page.keyboard.press('F7');
    const code = await sipp.done;
    if (code !== 0) return fail(`sipp exit ${String(code)}: ${sipp.trace().slice(0, 400)}`);
    if (!(await waitFor(async () => (await phase()) === null, 10_000))) return fail('the call stayed on the desk after the hang-up');
    return { ready, outcome: 'answered' };
  };

  const setBreak = async (on: boolean): Promise<void> => {
    await page.keyboard.press(on ? 'Alt+Shift+Digit3' : 'Alt+Shift+Digit1');
    await page.locator(`[data-testid="agent-state"][data-state="${on ? 'break' : 'ready'}"]`).waitFor({ timeout: 10_000 });
  };

  const heapMb = async (target: Page): Promise<number> => {
    const cdp = await target.context().newCDPSession(target);
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    } finally {
      await cdp.detach();
    }
  };

  let closed = false;
  return {
    page,
    board,
    call,
    setBreak,
    heapMb,
    sipWire,
    pageErrors,
    close: async () => {
      if (closed) return;
      closed = true;
      await supervisorContext.close().catch(() => undefined);
      await supervisorHost.stop().catch(() => undefined);
      await desk.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await sipWire.close();
      await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
    },
  };
}

/**
 * Signs the desk's operator in from the keyboard (Alt+L, address, account, password, Enter), as at a shift
 * start; Alt+L is pressed again until the form opens (a workbench still starting on a busy machine).
 */
async function signIn(page: Page, hubUrl: string, username: string): Promise<void> {
  const form = page.getByTestId('hub-sign-in-form');
  for (let attempt = 0; !(await form.isVisible()); attempt++) {
    if (attempt === 15) throw new Error(`the sign-in form did not open for ${username}`);
    await page.keyboard.press('Alt+KeyL');
    await form.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await page.getByTestId('hub-url').fill(hubUrl);
  await page.getByTestId('hub-username').fill(username);
  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  await answerEnrolmentIfAsked(page, hubUrl);
  await page.locator('[data-testid="hub-session"][data-state="signed_in"]').waitFor({ timeout: 60_000 });
}
