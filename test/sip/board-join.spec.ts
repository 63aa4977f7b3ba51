import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { RunningHub } from '../hub/support/hub-harness';
import { startHub } from '../hub/support/hub-harness';
import type { DeskPhone } from './support/desk';
import { startDeskPhone, startPeer } from './support/desk';
import { signInToHub } from '../support/hub-sign-in';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';
import { runSipp, writeToneFile } from './support/sipp';

const PASSWORD = 'test1234';
/** For a state that travels desk → hub → supervisor's services → board, or a call answered, on a machine that may be busy. */
const expectLive = expect.configure({ timeout: 30_000 });

/**
 * The supervisors' seat board against real desks, a real hub and real calls:
 * two operators' desks (web hosts with registered phones, 1001 and 1002) sign
 * in to a hub (PGlite, demo accounts), take a call each (sipp through
 * rtpengine; a sip.js caller) and go to after-call work, while the
 * supervisor's board (sup01, a tab beside the supervisor's own workbench with
 * phone 1009) shows each step. Then the supervisor listens in on a call from
 * the board: the workbench's phone dials the PBX's listen code with the
 * seat's extension (*2221002). A real listen bridge is the PBX's (Asterisk
 * ChanSpy and the like), which the rig does not have: a sip.js page
 * registered as *2221002 stands in for it and shows the INVITE arrived with
 * that dial string, and Kamailio's log shows it passed the proxy.
 */
test.describe.serial('seat board with real desks, calls and a listen-in', () => {
  // A hub start, three desks, four SIP pages and sipp on a shared 2-core machine.
  test.describe.configure({ timeout: 300_000 });

  let rig: SipRig;
  let peers: PeerServer;
  let hub: RunningHub;
  let tone: string;
  let supervisor: DeskPhone;
  let deskA: DeskPhone;
  let deskB: DeskPhone;
  let caller: Page;
  let listenCode: Page;
  let board: Page;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    hub = await startHub('pglite');
    tone = writeToneFile(rig.dir);
    const account = { serverUri: rig.wsUrl, domain: rig.domain, password: PASSWORD };
    supervisor = await startDeskPhone(browser, { ...account, extension: '1009' });
    // A long after-call work, so the board can be seen showing it.
    deskA = await startDeskPhone(browser, { ...account, extension: '1001', afterCallWorkSeconds: 120 });
    deskB = await startDeskPhone(browser, { ...account, extension: '1002', afterCallWorkSeconds: 120 });
    caller = await startPeer(browser, peers.url, { user: '13912345678', server: rig.wsUrl, password: PASSWORD });
    listenCode = await startPeer(browser, peers.url, { user: '*2221002', server: rig.wsUrl, password: PASSWORD });
    await listenCode.evaluate(() => {
      window.peer.setAutoAnswer(true);
    });
  });

  test.afterAll(async () => {
    for (const page of [caller, listenCode]) await page.evaluate(() => window.peer.stop()).catch(() => undefined);
    for (const desk of [supervisor, deskA, deskB]) await desk.close().catch(() => undefined);
    await hub.close();
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  const tileOf = (name: string): Locator => board.locator('[data-testid=seat-tile]', { hasText: name });
  const stateOf = (tile: Locator): Locator => tile.locator('.seat-state');

  test('the board shows two desks signing in, taking a call and going to after-call work, with the call’s length', async () => {
    for (const desk of [supervisor, deskA, deskB]) await expectLive(desk.page.getByTestId('phone-state')).toHaveText('已注册');
    await signInToHub(supervisor.page, hub.url, 'sup01');
    board = await supervisor.page.context().newPage();
    await board.goto(`${supervisor.host.url}/?view=board`);
    await expectLive(board.getByTestId('board')).toBeVisible();
    const [a, b] = [tileOf('李话务'), tileOf('张话务')];
    await expect(a).toHaveCount(0);

    // Sign-in puts each seat on the board at once, ready.
    await signInToHub(deskA.page, hub.url, 'op01');
    await expectLive(stateOf(a)).toHaveText('就绪');
    await expectLive(a).toHaveAttribute('data-state', 'ready');
    await expect(a.getByTestId('seat-call-length')).toHaveCount(0);
    await signInToHub(deskB.page, hub.url, 'op02');
    await expectLive(stateOf(b)).toHaveText('就绪');

    // Desk A: a plain SIP caller (sipp, G.711 through rtpengine) that hangs up after 15 s of talk.
    const sipp = await runSipp({ scenario: 'uac_pcma.xml', proxyPort: rig.sipPort, service: '1001', dir: rig.dir, params: { TONE: tone, WAIT_MS: '15000' }, timeoutS: 90 });
    await expectLive(deskA.page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await deskA.page.keyboard.press('F6');
    await expectLive(deskA.page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await expectLive(stateOf(a)).toHaveText('通话中');
    await expectLive(a).toHaveAttribute('data-state', 'on_call');
    // The call's length ticks on the tile (m:ss), past two seconds.
    await expectLive(a.getByTestId('seat-call-length')).toHaveText(/^0:(0[2-9]|[1-5]\d)$/);

    // Desk B: a sip.js caller; this call stays up for the listen-in.
    await caller.evaluate(() => {
      window.peer.call('sip:1002@127.0.0.1');
    });
    await expectLive(deskB.page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await deskB.page.keyboard.press('F6');
    await expectLive(deskB.page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await expectLive(stateOf(b)).toHaveText('通话中');
    await expect(b.getByTestId('seat-call-length')).toHaveText(/^0:\d\d$/);

    // sipp hangs up: desk A goes to after-call work, and so does its tile, without a call length.
    expect(await sipp.done, sipp.trace()).toBe(0);
    await expectLive(deskA.page.getByTestId('agent-state')).toHaveAttribute('data-state', 'after_call_work');
    await expectLive(stateOf(a)).toHaveText('话后处理');
    await expect(a.getByTestId('seat-call-length')).toHaveCount(0);
    await expectLive(stateOf(b)).toHaveText('通话中');
    await board.screenshot({ path: 'test-results/sip/board-live-seats.png' });
  });

  test('the supervisor listens in on an on-call seat from the board: the workbench phone dials *222 + the seat’s extension', async () => {
    const [a, b] = [tileOf('李话务'), tileOf('张话务')];

    // A seat in after-call work has no call to join: the board says so and nothing is dialled.
    await a.click();
    await board.keyboard.press('KeyL');
    await expectLive(board.getByText('李话务 当前不在通话中，无法监听、耳语或强插')).toBeVisible();
    expect(await supervisor.page.evaluate(() => window.deskPhone.calls())).toEqual([]);

    // The operator on the call asks for help (Alt+Y); the seat's details offer listen and barge first.
    await deskB.page.keyboard.press('Alt+KeyY');
    await expectLive(b.getByTestId('seat-alarm')).toHaveText('求助');
    await b.click();
    await board.keyboard.press('Enter');
    const details = board.getByTestId('seat-details');
    await expect(details.getByTestId('seat-join-help')).toContainText('张话务 正在请求班长协助');
    await expect(details.getByTestId('seat-join-listen')).toBeEnabled();
    await expect(details.getByTestId('seat-join-barge')).toHaveClass(/ant-btn-dangerous/);

    // L in the details: listen.
    await details.getByTestId('seat-join-listen').focus();
    await board.keyboard.press('KeyL');
    await expectLive(board.getByText('正在监听 张话务 的通话：工作台话机已拨 *2221002')).toBeVisible();

    // The supervisor's phone placed the call, the proxy routed it, and the feature code's stand-in answered it.
    await expect.poll(() => supervisor.page.evaluate(() => window.deskPhone.calls().map((c) => [c.remoteNumber, c.phase])), { timeout: 30_000 }).toEqual([['*2221002', 'active']]);
    expect(await listenCode.evaluate(() => window.peer.lastInvite())).toEqual({ to: '*2221002', from: '1009' });
    const kamailioLog = (): string => fs.readFileSync(path.join(rig.dir, 'kamailio.log'), 'utf8');
    await expect.poll(kamailioLog).toMatch(/REQ INVITE sip:\*2221002@127\.0\.0\.1 /);
    await expectLive(supervisor.page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');

    // A second join while the supervisor's phone is on that call is refused, in words.
    await details.getByTestId('seat-join-listen').click();
    await expectLive(board.getByText('您的话机正在通话中，请先结束当前通话再加入')).toBeVisible();
    expect(await listenCode.evaluate(() => window.peer.invitesReceived())).toBe(1);
    await board.screenshot({ path: 'test-results/sip/board-listen.png' });

    // The supervisor leaves the call from the workbench; the operator's call with the caller goes on.
    await supervisor.page.keyboard.press('F7');
    await expect.poll(() => listenCode.evaluate(() => window.peer.state()), { timeout: 30_000 }).toBe('none');
    await expectLive(deskB.page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await caller.evaluate(() => window.peer.hangup());
    await expectLive(stateOf(b)).toHaveText('话后处理');
  });
});
