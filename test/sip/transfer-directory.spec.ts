import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { DeskPhone } from './support/desk';
import { deskInboundGrows, peerInboundGrows, startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';

const PASSWORD = 'test1234';

/**
 * Transfers picked from the transfer directory by typing three pinyin letters:
 * the desk (1001) in the workbench, the caller (1002) and the directory's
 * expert 王建国 of the 人社局 (extension 8711 in the shipped sample numbers)
 * as sip.js pages, Kamailio with digest auth.
 */
test.describe.serial('transfer from the directory', () => {
  let rig: SipRig;
  let peers: PeerServer;
  let desk: DeskPhone;
  let caller: Page;
  let expert: Page;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD });
    caller = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: PASSWORD });
    expert = await startPeer(browser, peers.url, { user: '8711', server: rig.wsUrl, password: PASSWORD });
  });

  test.afterAll(async () => {
    await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
    await expert.evaluate(() => window.peer.stop()).catch(() => undefined);
    await desk.close();
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  /** A call from 1002, answered, then the transfer dialog opened and "wjg" typed: 王建国 on top. */
  async function answerAndPickWjg(page: Page): Promise<void> {
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await page.keyboard.press('F6');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await deskInboundGrows(page);
    await page.keyboard.press('F10');
    await expect(page.getByTestId('transfer-target')).toBeFocused();
    await page.keyboard.type('wjg');
    const first = page.getByTestId('transfer-directory').getByRole('option').first();
    await expect(first).toHaveAttribute('data-testid', 'directory-city-hrss-wang');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(first).toContainText('王建国 · 临沂市人力资源和社会保障局');
    await expect(first).toContainText('8711');
  }

  test('blind: three letters and Enter hand the caller to the expert; the desk is free', async () => {
    const { page } = desk;
    await expert.evaluate(() => { window.peer.setAutoAnswer(true); });
    await answerAndPickWjg(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('Established');
    expect(await expert.evaluate(() => window.peer.referredBy())).toContain('sip:1001@127.0.0.1');
    await expect(page.getByTestId('call-controls')).toHaveCount(0);
    await peerInboundGrows(caller);
    await peerInboundGrows(expert);
    await caller.evaluate(() => window.peer.hangup());
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('none');
  });

  test('attended: Shift+Enter consults the expert with the caller on hold, Alt+F10 joins them', async () => {
    const { page } = desk;
    await expert.evaluate(() => { window.peer.setAutoAnswer(false); });
    await answerAndPickWjg(page);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => caller.evaluate(() => window.peer.remoteDirection())).toEqual(['recvonly']);
    await expect.poll(() => expert.evaluate(() => window.peer.ringing())).toBe(true);
    await expert.evaluate(() => window.peer.answer());
    await expect(page.getByTestId('call-number')).toContainText('咨询中：8711');
    await deskInboundGrows(page);
    await page.keyboard.press('Alt+F10');
    await expect(page.getByTestId('call-controls')).toHaveCount(0);
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('Established');
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('Established');
    expect((await caller.evaluate(() => window.peer.events())).at(-1)).toMatch(/^REFER .*<sip:8711@127\.0\.0\.1\?Replaces=/);
    expect(await caller.evaluate(() => window.peer.remoteDirection())).toEqual(['sendrecv']);
    await peerInboundGrows(caller);
    await peerInboundGrows(expert);
    await expert.evaluate(() => window.peer.hangup());
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
  });

  test('attended, cancelled: Alt+Shift+F10 ends the consultation and takes the caller off hold', async () => {
    const { page } = desk;
    await answerAndPickWjg(page);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => expert.evaluate(() => window.peer.ringing())).toBe(true);
    await expert.evaluate(() => window.peer.answer());
    await expect(page.getByTestId('call-number')).toContainText('咨询中：8711');
    await page.keyboard.press('Alt+Shift+F10');
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('none');
    await expect.poll(() => caller.evaluate(() => window.peer.remoteDirection())).toEqual(['sendrecv']);
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await peerInboundGrows(caller);
    await page.keyboard.press('F7');
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
  });
});
