import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { RunningHub } from '../hub/support/hub-harness';
import { changeOp, hubClient, registerOp, sampleTransfer, signIn, startHub } from '../hub/support/hub-harness';
import { signInToHub } from '../support/hub-sign-in';
import type { DeskPhone } from './support/desk';
import { startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';

const PASSWORD = 'test1234';
const CALLER = '13912345678';
const expectLive = expect.configure({ timeout: 30_000 });

/**
 * History on the ring against a real hub (PGlite, demo accounts) and a real
 * call (Kamailio, sip.js caller): another desk registered tickets for the
 * caller's number; this desk, signed in as op01, rings and its screen pop
 * lists them before anyone answers. Then the hub stops, and the next ring
 * shows the same tickets from the desk's cache, saying how old they are.
 */
test.describe.serial('caller history on the ring', () => {
  test.describe.configure({ timeout: 180_000 });
  let rig: SipRig;
  let peers: PeerServer;
  let hub: RunningHub;
  let desk: DeskPhone;
  let caller: Page;
  let transferredId: string;
  let answeredId: string;
  let secretId: string;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    hub = await startHub('pglite');
    // Another desk took three calls from this number: one answered, one transferred, one in confidence.
    const other = await signIn(hub.url, 'op02', 'desk-ring-0002');
    const answered = registerOp(1, 'op02', { callerNumber: CALLER, category: ['生态环境', '噪声污染'], description: '夜里工地施工噪声扰民，影响休息。', calledAt: new Date(Date.now() - 86_400_000).toISOString() });
    const transferred = registerOp(3, 'op02', { callerNumber: CALLER, description: '门店把货架摆到人行道上，行人只能走机动车道。', calledAt: new Date().toISOString() });
    const secret = registerOp(5, 'op02', { callerNumber: CALLER, confidential: true, description: '举报某饭店后厨卫生问题，请为我保密。' });
    const operations = [
      answered,
      changeOp(2, 'op02', 'ticket.answer', answered.ticketId, { articleId: null, answer: '已告知夜间施工须持证。' }),
      transferred,
      changeOp(4, 'op02', 'ticket.transfer', transferred.ticketId, sampleTransfer),
      secret,
    ];
    const pushed = await hubClient(hub.url)('POST', '/v1/sync/push', { deskId: 'desk-ring-0002', operations }, other.token);
    expect(pushed.status).toBe(200);
    [answeredId, transferredId, secretId] = [answered.ticketId, transferred.ticketId, secret.ticketId];

    desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, afterCallWorkSeconds: 0 });
    caller = await startPeer(browser, peers.url, { user: CALLER, server: rig.wsUrl, password: PASSWORD });
  });

  test.afterAll(async () => {
    await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
    await desk.close();
    await hub.close().catch(() => undefined);
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  test('the ringing screen pop lists the caller’s tickets from the hub, open first; keys open one and link the new ticket to it', async () => {
    const { page } = desk;
    await expectLive(page.getByTestId('phone-state')).toHaveText('已注册');
    await signInToHub(page, hub.url, 'op01');

    await caller.evaluate(() => {
      window.peer.call('sip:1001@127.0.0.1');
    });
    const pop = page.getByTestId('screen-pop');
    await expectLive(pop).toHaveAttribute('data-phase', 'ringing');
    const rows = pop.getByTestId('caller-history-row');
    await expect(rows).toHaveCount(2);
    // Still ringing: nobody has answered, and the rows are already there.
    await expect(pop).toHaveAttribute('data-phase', 'ringing');
    expect(await page.evaluate(() => window.deskPhone.ringing())).toBe(true);
    await expect(pop.getByTestId('caller-history')).toHaveAttribute('data-source', 'hub');
    // Open first (transferred, to the urban management bureau), then the answered one; the other desk's confidential ticket is not for an operator.
    expect(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-ticket-id'), e.getAttribute('data-open')]))).toEqual([
      [transferredId, 'true'],
      [answeredId, 'false'],
    ]);
    await expect(pop.locator(`[data-ticket-id="${secretId}"]`)).toHaveCount(0);
    await expect(rows.first()).toContainText(/\d{8}-\d{6}/u);
    await expect(rows.first()).toContainText('已转办');
    await expect(rows.nth(1)).toContainText('直接答复');
    await expect(pop.getByTestId('caller-history-recent')).toHaveText('近 30 天 2 件');
    await pop.screenshot({ path: 'test-results/sip/ring-history-ringing.png' });

    // Alt+↓ opens the first ticket in place, while it still rings.
    await page.keyboard.press('Alt+ArrowDown');
    await expect(rows.first()).toHaveAttribute('data-selected', 'true');
    await expect(rows.first().getByTestId('caller-history-detail')).toContainText('门店把货架摆到人行道上');

    // Answered, Alt+Shift+R makes it the new ticket's related ticket.
    await page.keyboard.press('F6');
    await expectLive(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await page.keyboard.press('Alt+Shift+KeyR');
    await expect(rows.first().getByTestId('caller-history-linked')).toBeVisible();
    await expect(page.getByTestId('field-relatedTicketId')).toHaveValue(new RegExp(`^(${transferredId}|\\d{8}-\\d{6,})$`, 'u'));

    await caller.evaluate(() => window.peer.hangup());
    await expectLive(page.getByTestId('call-controls')).toHaveCount(0);
  });

  test('with the hub stopped, the next ring shows the same tickets from the desk’s cache and says how old they are', async () => {
    const { page } = desk;
    await hub.close();
    await caller.evaluate(() => {
      window.peer.call('sip:1001@127.0.0.1');
    });
    const pop = page.getByTestId('screen-pop');
    await expectLive(pop).toHaveAttribute('data-phase', 'ringing');
    await expect(pop.getByTestId('caller-history')).toHaveAttribute('data-source', 'cache');
    await expect(pop.getByTestId('caller-history-note')).toContainText(/缓存于 \d+ 分钟前/u);
    expect(await pop.getByTestId('caller-history-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')))).toEqual([transferredId, answeredId]);
    await expect(pop).toHaveAttribute('data-phase', 'ringing');
    await caller.evaluate(() => window.peer.hangup());
    await expectLive(pop).not.toHaveAttribute('data-phase', 'ringing');
  });
});
