import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { DirectoryEntry } from '../../shared/dispatch/directory';
import { adminToken } from '../hub/support/desk-enrolment';
import type { RunningHub } from '../hub/support/hub-harness';
import { hubClient, startHub } from '../hub/support/hub-harness';
import { signInToHub } from '../support/hub-sign-in';
import { registerByKeyboard } from '../support/ticket-form';
import type { DeskPhone } from './support/desk';
import { deskInboundGrows, peerInboundGrows, startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';

const PASSWORD = 'test1234';
/** An expert the admin adds at the hub: not in the shipped sample numbers, so the desk can only have it from the hub. */
const EXPERT: DirectoryEntry = { id: 'city-water-he', kind: 'expert', departmentId: 'city-water', name: '何青山', topic: '水利工程与防汛', number: '8799' };

/**
 * Transfers picked from the transfer directory by typing three pinyin letters:
 * a hub (PGlite, demo accounts) where the admin adds the expert 何青山 of the
 * 水利局 with extension 8799; the desk (1001) in the workbench, signed in, gets
 * it with its pull; the caller (1002) and the expert (8799) are sip.js pages,
 * Kamailio with digest auth.
 */
test.describe.serial('transfer from the directory', () => {
  test.describe.configure({ timeout: 180_000 });
  let hub: RunningHub;
  let rig: SipRig;
  let peers: PeerServer;
  let desk: DeskPhone;
  let caller: Page;
  let expert: Page;

  test.beforeAll(async ({ browser }) => {
    // A hub start, a desk's sign-in with its first pull, and three SIP pages on a shared machine.
    test.setTimeout(180_000);
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    hub = await startHub('pglite');
    const added = await hubClient(hub.url)('PUT', `/v1/directory/${EXPERT.id}`, EXPERT, await adminToken(hub.url));
    expect(added.status).toBe(200);
    desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, afterCallWorkSeconds: 0 });
    caller = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: PASSWORD });
    expert = await startPeer(browser, peers.url, { user: EXPERT.number, server: rig.wsUrl, password: PASSWORD });
    await signInToHub(desk.page, hub.url, 'op01');
    // The sign-in's first pull brings the hub's directory into the desk's replica.
    const replicated = (): number => {
      const db = new Database(path.join(desk.host.dataDir, 'desk.sqlite3'), { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM transfer_directory WHERE id = ?').pluck().get(EXPERT.id) as number;
      } finally {
        db.close();
      }
    };
    await expect.poll(replicated, { timeout: 30_000 }).toBe(1);
  });

  test.afterAll(async () => {
    await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
    await expert.evaluate(() => window.peer.stop()).catch(() => undefined);
    await desk.close();
    await hub.close().catch(() => undefined);
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  /** A call from 1002, answered, then the transfer dialog opened and "hqs" typed: 何青山 on top. */
  async function answerAndPick(page: Page): Promise<void> {
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await page.keyboard.press('F6');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await deskInboundGrows(page);
    await page.keyboard.press('F10');
    await expect(page.getByTestId('transfer-target')).toBeFocused();
    await page.keyboard.type('hqs');
    const first = page.getByTestId('transfer-directory').getByRole('option').first();
    await expect(first).toHaveAttribute('data-testid', `directory-${EXPERT.id}`);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(first).toContainText('何青山 · 临沂市水利局');
    await expect(first).toContainText('8799');
  }

  test('blind: three letters and Enter hand the caller to the expert; the desk is free', async () => {
    const { page } = desk;
    await expert.evaluate(() => { window.peer.setAutoAnswer(true); });
    await answerAndPick(page);
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
    await answerAndPick(page);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => caller.evaluate(() => window.peer.remoteDirection())).toEqual(['recvonly']);
    await expect.poll(() => expert.evaluate(() => window.peer.ringing())).toBe(true);
    await expert.evaluate(() => window.peer.answer());
    await expect(page.getByTestId('call-number')).toContainText('咨询中：8799');
    await deskInboundGrows(page);
    await page.keyboard.press('Alt+F10');
    await expect(page.getByTestId('call-controls')).toHaveCount(0);
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('Established');
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('Established');
    expect((await caller.evaluate(() => window.peer.events())).at(-1)).toMatch(/^REFER .*<sip:8799@127\.0\.0\.1\?Replaces=/);
    expect(await caller.evaluate(() => window.peer.remoteDirection())).toEqual(['sendrecv']);
    await peerInboundGrows(caller);
    await peerInboundGrows(expert);
    await expert.evaluate(() => window.peer.hangup());
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
  });

  test('attended, cancelled: Alt+Shift+F10 ends the consultation and takes the caller off hold', async () => {
    const { page } = desk;
    await answerAndPick(page);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => expert.evaluate(() => window.peer.ringing())).toBe(true);
    await expert.evaluate(() => window.peer.answer());
    await expect(page.getByTestId('call-number')).toContainText('咨询中：8799');
    await page.keyboard.press('Alt+Shift+F10');
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('none');
    await expect.poll(() => caller.evaluate(() => window.peer.remoteDirection())).toEqual(['sendrecv']);
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await peerInboundGrows(caller);
    await page.keyboard.press('F7');
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
  });
  test('the ticket’s lead department heads the directory: registered, its suggestion taken (Alt+S), F10 lists its switchboard first', async () => {
    const { page } = desk;
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await page.keyboard.press('F6');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await registerByKeyboard(page, {
      name: '王女士',
      number: '13912345678',
      place: ['银雀山', '兰山区 / 银雀山街道'],
      address: '某小区5号楼',
      type: '求助',
      category: ['消防安全', '应急安全 / 消防安全'],
      description: '兰山区银雀山街道某小区有住户从五楼窗户拉电线到楼下给电动车充电，存在火灾隐患。',
    });
    await page.keyboard.press('Alt+KeyS');
    await expect(page.getByTestId('field-lead')).toContainText('兰山区银雀山街道办事处');
    await page.keyboard.press('F10');
    const options = page.getByTestId('transfer-directory').getByRole('option');
    await expect(options.first()).toHaveAttribute('data-testid', 'directory-lanshan-yinqueshan-st-main');
    await expect(options.first()).toContainText('主办部门');
    await expect(options.nth(1)).not.toContainText('主办部门');
    // Typing searches the whole directory again, the lead still first where it matches.
    await page.keyboard.type('hqs');
    await expect(options.first()).toHaveAttribute('data-testid', `directory-${EXPERT.id}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F7');
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
  });
});
