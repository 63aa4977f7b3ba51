import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { DeskPhone } from './support/desk';
import { startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';

const PASSWORD = 'test1234';

async function deskPhase(page: Page): Promise<string | null> {
  return page.evaluate(() => window.deskPhone.calls()[0]?.phase ?? null);
}

async function hangUpAndWait(caller: Page, ...desks: Page[]): Promise<void> {
  await caller.evaluate(() => window.peer.hangup());
  for (const page of desks) await expect.poll(() => deskPhase(page)).toBeNull();
}

/**
 * What the seat's state and the ACD's marks do to a call, against Kamailio:
 * two desks share extension 1001 (a hunt group: Kamailio forks the INVITE to
 * both), the caller (1002) is a sip.js page.
 */
test.describe.serial('agent states and auto-answer', () => {
  let rig: SipRig;
  let peers: PeerServer;
  let seatA: DeskPhone;
  let seatB: DeskPhone | null = null;
  let caller: Page;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    seatA = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, autoAnswer: true, afterCallWorkSeconds: 0 });
    caller = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: PASSWORD });
    await expect(seatA.page.getByTestId('phone-state').filter({ hasText: '已注册' })).toBeVisible({ timeout: 15_000 });
  });

  test.afterAll(async () => {
    await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
    await seatA.close();
    await seatB?.close();
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  test('a pushed call with Call-Info answer-after=0 is answered at once; a plain call rings until the operator answers', async () => {
    const { page } = seatA;
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1', ['Call-Info: <sip:127.0.0.1>;answer-after=0']); });
    await expect.poll(() => deskPhase(page), { timeout: 10_000 }).toBe('active');
    await hangUpAndWait(caller, page);

    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect.poll(() => deskPhase(page), { timeout: 10_000 }).toBe('ringing');
    // Auto-answer is on, but nothing marked this call: after two seconds it still rings.
    await page.waitForTimeout(2_000);
    expect(await deskPhase(page)).toBe('ringing');
    expect(await page.evaluate(() => window.deskPhone.ringing())).toBe(true);
    await hangUpAndWait(caller, page);
  });

  test('a seat on break refuses the call with 480, so the call reaches the ready seat; with no seat ready the caller hears 480, and the second try reaches the seat that is ready again', async ({ browser }) => {
    seatB = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, afterCallWorkSeconds: 0 });
    await expect(seatB.page.getByTestId('phone-state').filter({ hasText: '已注册' })).toBeVisible({ timeout: 15_000 });
    const onBreak = async (page: Page): Promise<void> => {
      await page.getByTestId('agent-state').click();
      await page.getByRole('menuitem', { name: /用餐/u }).click();
      await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'break');
    };
    await onBreak(seatA.page);
    // The caller's session log keeps every state it has been in, the first test's calls included: count
    // Established entries, so the hang-up waits for this call's answer rather than an earlier one's.
    const established = async (): Promise<number> => (await caller.evaluate(() => window.peer.sessionStates())).filter((state) => state === 'Established').length;

    const answeredBefore = await established();
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect.poll(() => deskPhase(seatB!.page), { timeout: 10_000 }).toBe('ringing');
    expect(await deskPhase(seatA.page)).toBeNull();
    await seatB.page.keyboard.press('F6');
    await expect.poll(established, { timeout: 10_000 }).toBe(answeredBefore + 1);
    await hangUpAndWait(caller, seatB.page);

    await onBreak(seatB.page);
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect.poll(() => caller.evaluate(() => window.peer.events()), { timeout: 10_000 }).toContain('INVITE rejected 480');
    expect(await deskPhase(seatA.page)).toBeNull();
    expect(await deskPhase(seatB.page)).toBeNull();

    // Seat B is ready again (示闲, Alt+Shift+1): the caller's second try reaches it; seat A, still on break, refuses it again.
    await seatB.page.keyboard.press('Alt+Shift+Digit1');
    await expect(seatB.page.getByTestId('agent-state')).toHaveAttribute('data-state', 'ready');
    const before = await established();
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect.poll(() => deskPhase(seatB!.page), { timeout: 10_000 }).toBe('ringing');
    expect(await deskPhase(seatA.page)).toBeNull();
    await expect(seatA.page.getByTestId('agent-state')).toHaveAttribute('data-state', 'break');
    await seatB.page.keyboard.press('F6');
    await expect.poll(established, { timeout: 10_000 }).toBe(before + 1);
    await hangUpAndWait(caller, seatB.page);
  });
});
