import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { DeskPhone } from './support/desk';
import { deskInboundGrows, iceRestarted, peerInboundGrows, startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';
import { runSipp, writeToneFile } from './support/sipp';
import type { TcpProxy } from '../support/tcp-proxy';
import { startTcpProxy } from '../support/tcp-proxy';

const PASSWORD = 'test1234';

/**
 * The phone against a plain SIP caller (sipp, G.711 through rtpengine) and
 * against failures: a broken offer, a wrong password, a malformed server URI,
 * a second tab, a 3 s WebSocket cut during a call and a proxy crash.
 */
test.describe.serial('softphone against plain SIP and failures', () => {
  let rig: SipRig;
  let peers: PeerServer;
  let desk: DeskPhone;
  let tone: string;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    tone = writeToneFile(rig.dir);
    desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, afterCallWorkSeconds: 0 });
    await expect(desk.page.getByTestId('phone-state')).toHaveText('已注册');
  });

  test.afterAll(async () => {
    await desk.close();
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  const sippCall = (waitMs: number): ReturnType<typeof runSipp> =>
    runSipp({ scenario: 'uac_pcma.xml', proxyPort: rig.sipPort, service: '1001', dir: rig.dir, params: { TONE: tone, WAIT_MS: String(waitMs) } });

  test('sipp (G.711 via rtpengine) calls the desk; the desk answers and audio flows', async () => {
    const { page } = desk;
    // 6 s of call: room to see media both ways on a loaded machine.
    const sipp = await sippCall(6_000);
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await expect(page.getByTestId('caller-number')).toHaveText('13800138000');
    await page.keyboard.press('F6');
    await deskInboundGrows(page);
    await expect.poll(() => page.evaluate(async () => (await window.deskPhone.stats())?.bytesSent ?? 0)).toBeGreaterThan(0);
    expect(await sipp.done, sipp.trace()).toBe(0);
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ended');
  });

  test('the sign-in self-check passes WebSocket, registration, ICE and microphone level', async () => {
    const { page } = desk;
    await page.keyboard.press('Alt+KeyJ');
    await page.getByTestId('run-self-check').click();
    for (const name of ['websocket', 'registration', 'ice', 'microphone']) {
      await expect(page.getByTestId(`check-${name}`)).toHaveAttribute('data-ok', 'true');
    }
    await expect(page.getByTestId('check-ice')).toContainText('host');
    await expect(page.getByTestId('check-microphone')).toContainText('dBFS');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: '话机自检' })).toBeHidden();
  });

  test('an INVITE with a broken SDP is refused with 488 and the desk stays registered', async () => {
    const sipp = await runSipp({ scenario: 'uac_broken_sdp.xml', proxyPort: rig.sipPort, service: '1001', dir: rig.dir });
    expect(await sipp.done, sipp.trace()).toBe(0);
    await expect(desk.page.getByTestId('phone-state')).toHaveText('已注册');
    await expect(desk.page.getByTestId('call-controls')).toHaveCount(0);
  });

  test('a wrong password says so; a malformed server URI is refused in settings; fixing the password registers', async ({ browser }) => {
    const other = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1005', password: 'wrong-password' });
    try {
      const { page } = other;
      await expect(page.getByTestId('phone-state')).toHaveText('注册失败：账号或密码错误');
      await expect(page.getByTestId('phone-registration')).toContainText('注册失败');
      // The self-check points at the registration, not at the network.
      await page.getByTestId('open-self-check').click();
      await page.getByTestId('run-self-check').click();
      await expect(page.getByTestId('check-websocket')).toHaveAttribute('data-ok', 'true');
      await expect(page.getByTestId('check-registration')).toHaveAttribute('data-ok', 'false');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: '话机自检' })).toBeHidden();
      await page.getByTestId('open-phone-settings').click();
      await expect(page.getByTestId('phone-server')).toHaveValue(rig.wsUrl);
      await page.getByTestId('phone-server').fill('http://pbx example');
      await page.getByTestId('phone-password').fill(PASSWORD);
      await page.getByTestId('phone-settings-save').click();
      await expect(page.getByText('SIP 服务器地址格式不正确，应为 wss://主机[:端口][/路径]')).toBeVisible();
      await page.getByTestId('phone-server').fill(rig.wsUrl);
      await page.getByTestId('phone-settings-save').click();
      await expect(page.getByTestId('phone-state')).toHaveText('已注册');
    } finally {
      await other.close();
    }
  });

  test('one desk, one phone: a second tab stands by and takes over when the first closes', async () => {
    const second = await desk.page.context().newPage();
    await second.goto(desk.host.url);
    await expect(second.getByTestId('phone-state')).toHaveText('话机在其他窗口使用中');
    await expect(desk.page.getByTestId('phone-state')).toHaveText('已注册');
    // The first tab still gets the calls.
    const sipp = await sippCall(500);
    await expect(desk.page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await expect(desk.page.getByTestId('caller-number')).toHaveText('13800138000');
    await expect(second.getByTestId('call-controls')).toHaveCount(0);
    await desk.page.keyboard.press('F6');
    expect(await sipp.done, sipp.trace()).toBe(0);
    await desk.page.close();
    await expect(second.getByTestId('phone-state')).toHaveText('已注册');
    desk.page = second;
  });

  test('a 3 s WebSocket cut during a call: the desk reconnects, re-registers, restarts ICE, and the call goes on', async ({ browser }) => {
    const proxy: TcpProxy = await startTcpProxy({ port: rig.wsPort });
    const viaProxy = await startDeskPhone(browser, { serverUri: `ws://127.0.0.1:${proxy.port}`, domain: rig.domain, extension: '1004', password: PASSWORD });
    const caller: Page = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: PASSWORD });
    try {
      const { page } = viaProxy;
      await expect(page.getByTestId('phone-state')).toHaveText('已注册');
      await caller.evaluate(() => { window.peer.call('sip:1004@127.0.0.1'); });
      await page.getByTestId('answer').click();
      await deskInboundGrows(page);
      const before = await page.evaluate(async () => (await window.deskPhone.stats())?.localUfrag);
      const cut = proxy.cut(3_000);
      await expect(page.getByTestId('phone-state')).toHaveText(/正在重连|注册失败/);
      await cut;
      await expect(page.getByTestId('phone-state')).toHaveText('已注册');
      await iceRestarted(page, before);
      await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
      await deskInboundGrows(page);
      await peerInboundGrows(caller);
      // The far end's BYE finds the desk on its new connection.
      await caller.evaluate(() => window.peer.hangup());
      await expect(page.getByTestId('call-controls')).toHaveCount(0);
    } finally {
      await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
      await caller.context().close();
      await viaProxy.close();
      await proxy.close();
    }
  });

  test('a connection that silently stops carrying anything is caught by the keep-alive (checked at once on "online") and replaced', async ({ browser }) => {
    const proxy: TcpProxy = await startTcpProxy({ port: rig.wsPort });
    const viaProxy = await startDeskPhone(browser, { serverUri: `ws://127.0.0.1:${proxy.port}`, domain: rig.domain, extension: '1006', password: PASSWORD });
    try {
      const { page } = viaProxy;
      await expect(page.getByTestId('phone-state')).toHaveText('已注册');
      proxy.stall();
      // The socket still looks open; the network-change event makes the desk prove its registration now.
      await page.evaluate(() => { window.dispatchEvent(new Event('online')); });
      await expect.poll(() => page.evaluate(() => window.deskPhone.registrationHistory()), { timeout: 20_000 }).toContain('reconnecting');
      await expect(page.getByTestId('phone-state')).toHaveText('已注册', { timeout: 20_000 });
      expect((await page.evaluate(() => window.deskPhone.registrationHistory())).slice(-2)).toEqual(['reconnecting', 'registered']);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  test('Kamailio crashes and restarts, idle and during a call: the desk re-registers by itself and media resumes', async () => {
    const { page } = desk;
    if (process.env.SIP_RIG_KEEP_LOGS === '1') page.on('console', (m) => { console.log('desk console:', m.type(), m.text().slice(0, 400)); });
    // Idle.
    await rig.killProxy();
    await expect(page.getByTestId('phone-state')).toHaveText(/正在重连|注册失败/);
    await expect(page.getByTestId('phone-registration')).not.toContainText('已注册');
    await rig.startProxy();
    await expect(page.getByTestId('phone-state')).toHaveText('已注册');

    // During a call with sipp: rtpengine keeps relaying, the desk re-INVITEs with an ICE restart once registered again.
    const sipp = await sippCall(20_000);
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await expect(page.getByTestId('caller-number')).toHaveText('13800138000');
    await page.keyboard.press('F6');
    await deskInboundGrows(page);
    const before = await page.evaluate(async () => (await window.deskPhone.stats())?.localUfrag);
    await rig.killProxy();
    await expect(page.getByTestId('phone-state')).toHaveText(/正在重连|注册失败/);
    await rig.startProxy();
    await expect(page.getByTestId('phone-state')).toHaveText('已注册');
    await iceRestarted(page, before);
    await deskInboundGrows(page);
    // sipp answered the re-INVITE (without one it would have hung up by itself), and the desk's BYE reaches it.
    await page.keyboard.press('F7');
    expect(await sipp.done, sipp.trace()).toBe(0);
    expect(sipp.trace()).toMatch(/INVITE sip:13800138000@127\.0\.0\.1/);
  });
});
