import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { DeskPhone } from './support/desk';
import { deskInboundGrows, peerInboundGrows, startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';
import { registerByKeyboard } from '../support/ticket-form';

const PASSWORD = 'test1234';

/**
 * The operator's calls end to end: the desk (1001) in the workbench, the caller
 * (1002) and a department expert (1003) as sip.js pages, Kamailio with digest auth.
 */
test.describe.serial('softphone calls', () => {
  let rig: SipRig;
  let peers: PeerServer;
  let desk: DeskPhone;
  let caller: Page;
  let expert: Page;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, dtmfMode: 'info', afterCallWorkSeconds: 2 });
    caller = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: PASSWORD });
    expert = await startPeer(browser, peers.url, { user: '1003', server: rig.wsUrl, password: PASSWORD });
  });

  test.afterAll(async () => {
    await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
    await expert.evaluate(() => window.peer.stop()).catch(() => undefined);
    await desk.close();
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  test('registers, rings with the screen pop, answers; media both ways, hold, mute, DTMF, hang-up', async () => {
    const { page } = desk;
    await expect(page.getByTestId('phone-state')).toHaveText('已注册');
    await expect(page.getByTestId('phone-registration')).toContainText('已注册');

    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await expect(page.getByTestId('caller-number')).toHaveText('1002');
    expect(await page.evaluate(() => window.deskPhone.ringing())).toBe(true);
    await page.keyboard.press('F6');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'on_call');
    expect(await page.evaluate(() => window.deskPhone.ringing())).toBe(false);
    await deskInboundGrows(page);
    await peerInboundGrows(caller);

    // Hold: the desk sends sendonly, the caller hears nothing from the desk but the call stays up.
    await page.keyboard.press('F8');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'held');
    expect(await page.evaluate(() => window.deskPhone.directions())).toEqual(['sendonly']);
    expect(await caller.evaluate(() => window.peer.remoteDirection())).toEqual(['recvonly']);
    await page.keyboard.press('F8');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    expect(await page.evaluate(() => window.deskPhone.directions())).toEqual(['sendrecv']);
    await peerInboundGrows(caller);

    await page.keyboard.press('F9');
    await expect(page.getByTestId('mute')).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => window.deskPhone.senderEnabled())).toEqual([false]);
    await page.keyboard.press('F9');
    expect(await page.evaluate(() => window.deskPhone.senderEnabled())).toEqual([true]);

    // Saving the phone settings during a call (devices, options) keeps the call and the registration.
    await page.getByTestId('open-phone-settings').click();
    await page.getByTestId('phone-settings-save').click();
    await expect(page.getByText('话机设置已保存')).toBeVisible();
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    expect(await page.evaluate(() => window.deskPhone.registrationHistory())).toEqual(['unconfigured', 'standby', 'registering', 'registered']);
    await deskInboundGrows(page);

    // DTMF from the keypad reaches the far end (SIP INFO in this account).
    await page.keyboard.press('Alt+KeyK');
    await page.getByTestId('dtmf-5').click();
    await page.keyboard.press('#');
    await page.keyboard.press('Escape');
    await expect.poll(() => caller.evaluate(() => window.peer.infos())).toEqual(['Signal=5\r\nDuration=160', 'Signal=#\r\nDuration=160']);

    // Hang up from the desk.
    await page.keyboard.press('F7');
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ended');
    // After-call work with a visible countdown, then ready again by itself.
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'after_call_work');
    await expect(page.getByTestId('agent-state')).toContainText('话后处理 剩余');
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'ready');
    // A break with its reason, chosen by the operator, then back to ready.
    await page.getByTestId('agent-state').click();
    await page.getByText('小休（用餐）').click();
    await expect(page.getByTestId('agent-state')).toHaveText(/小休（用餐）/);
    await page.getByTestId('agent-state').click();
    await page.getByRole('menuitem', { name: '就绪' }).click();
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'ready');

    // A second call, hung up by the caller.
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await page.getByTestId('answer').click();
    // The caller hangs up an answered call: only once the desk has finished answering (else it is a
    // call abandoned while being answered, recorded as missed; seen once under load).
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    await deskInboundGrows(page);
    await caller.evaluate(() => window.peer.hangup());
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ended');
    await expect(page.getByTestId('phone-state')).toHaveText('已注册');

    // Both calls left a record in the desk's local store.
    const db = new Database(path.join(desk.host.dataDir, 'desk.sqlite3'), { readonly: true });
    try {
      const rows = db.prepare('SELECT direction, remote_number, outcome, ended_by, answered_at IS NOT NULL AS answered FROM call_records ORDER BY id').all();
      expect(rows).toEqual([
        { direction: 'inbound', remote_number: '1002', outcome: 'answered', ended_by: 'local', answered: 1 },
        { direction: 'inbound', remote_number: '1002', outcome: 'answered', ended_by: 'remote', answered: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  test('the answered call fills the caller number into the ticket, and the ticket registered during the call is linked to its call record', async ({ browser }) => {
    const { page } = desk;
    const mobile = await startPeer(browser, peers.url, { user: '13912345678', server: rig.wsUrl, password: PASSWORD });
    try {
      await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'ready');
      // The earlier calls came from extension 1002, which is not a caller's number: the field stayed empty.
      await expect(page.getByTestId('field-callerNumber')).toHaveValue('');
      await mobile.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
      await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
      await expect(page.getByTestId('field-callerNumber')).toHaveValue('');
      await page.keyboard.press('F6');
      await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
      await expect(page.getByTestId('field-callerNumber')).toHaveValue('13912345678');
      await registerByKeyboard(page, {
        name: '王女士',
        number: null,
        place: ['银雀山', '兰山区 / 银雀山街道'],
        address: '某小区5号楼',
        type: '咨询',
        category: ['占道', '城市管理 / 占道经营'],
        description: '来电人反映门店把货架摆到人行道上，行人只能走机动车道。',
      });
      await page.keyboard.press('F7');
      await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ended');

      const linked = (): unknown[] => {
        const db = new Database(path.join(desk.host.dataDir, 'desk.sqlite3'), { readonly: true });
        try {
          return db
            .prepare(`SELECT c.remote_number AS number, json_extract(t.doc, '$.registration.callerNumber') AS ticketNumber
                      FROM call_records c JOIN tickets t ON t.id = c.ticket_id ORDER BY c.id`)
            .all();
        } finally {
          db.close();
        }
      };
      await expect.poll(linked).toEqual([{ number: '13912345678', ticketNumber: '13912345678' }]);
    } finally {
      await mobile.evaluate(() => window.peer.stop()).catch(() => undefined);
      await mobile.close();
    }
  });

  test('blind transfer: the caller ends up talking to the expert, the desk is free', async () => {
    const { page } = desk;
    await expert.evaluate(() => { window.peer.setAutoAnswer(true); });
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await page.getByTestId('answer').click();
    await deskInboundGrows(page);
    await page.keyboard.press('F10');
    await page.getByTestId('transfer-target').fill('1003');
    await page.getByTestId('blind-transfer').click();
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('Established');
    expect(await expert.evaluate(() => window.peer.referredBy())).toContain('sip:1001@127.0.0.1');
    await expect(page.getByTestId('call-controls')).toHaveCount(0);
    await peerInboundGrows(caller);
    await peerInboundGrows(expert);
    await caller.evaluate(() => window.peer.hangup());
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('none');
    const db = new Database(path.join(desk.host.dataDir, 'desk.sqlite3'), { readonly: true });
    try {
      expect(db.prepare("SELECT outcome, transfer_target FROM call_records WHERE outcome = 'transferred'").all()).toEqual([{ outcome: 'transferred', transfer_target: 'sip:1003@127.0.0.1' }]);
    } finally {
      db.close();
    }
  });

  test('attended transfer: caller held, expert consulted, then caller and expert joined', async () => {
    const { page } = desk;
    await expert.evaluate(() => { window.peer.setAutoAnswer(false); });
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await page.getByTestId('answer').click();
    await deskInboundGrows(page);
    await page.getByTestId('open-transfer').click();
    await page.getByTestId('transfer-target').fill('1003');
    await page.getByTestId('consult-transfer').click();
    // The caller is on hold while the expert rings.
    await expect.poll(() => caller.evaluate(() => window.peer.remoteDirection())).toEqual(['recvonly']);
    await expect.poll(() => expert.evaluate(() => window.peer.ringing())).toBe(true);
    await expert.evaluate(() => window.peer.answer());
    await expect(page.getByTestId('call-number')).toContainText('咨询中：1003');
    await deskInboundGrows(page);
    await page.getByTestId('complete-transfer').click();
    await expect(page.getByTestId('call-controls')).toHaveCount(0);
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('Established');
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('Established');
    // The expert's consultation leg with the desk was replaced by the caller's call (RFC 3891).
    expect((await caller.evaluate(() => window.peer.events())).at(-1)).toMatch(/^REFER .*<sip:1003@127\.0\.0\.1\?Replaces=/);
    // (the consultation leg ends once the replacing call is up, so the order of the last two may vary)
    expect((await expert.evaluate(() => window.peer.sessionStates())).slice(-5).sort()).toEqual(['Established', 'Established', 'Establishing', 'Establishing', 'Terminated']);
    // Only the caller and the expert talk now: each receives audio from the other.
    expect(await caller.evaluate(() => window.peer.remoteDirection())).toEqual(['sendrecv']);
    await peerInboundGrows(caller);
    await peerInboundGrows(expert);
    await expert.evaluate(() => window.peer.hangup());
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
  });

  test('three-way call: caller, operator and expert all hear each other; muting the operator keeps the other two talking', async () => {
    const { page } = desk;
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await page.getByTestId('answer').click();
    await deskInboundGrows(page);
    await page.getByTestId('open-transfer').click();
    await page.getByTestId('transfer-target').fill('1003');
    await page.getByTestId('consult-transfer').click();
    await expect.poll(() => expert.evaluate(() => window.peer.ringing())).toBe(true);
    await expert.evaluate(() => window.peer.answer());
    await page.getByTestId('start-conference').click();
    await expect(page.getByTestId('call-number')).toContainText('三方通话');
    await expect.poll(() => caller.evaluate(() => window.peer.remoteDirection())).toEqual(['sendrecv']);
    // With the operator muted, sound still reaches each party: it can only be the other party's, mixed in the desk.
    await page.keyboard.press('F9');
    await expect(page.getByTestId('mute')).toHaveAttribute('aria-pressed', 'true');
    // (energy of the fake device's beeps over this window: 0 without the mix, about 0.5 with it)
    const energy = async (p: Page): Promise<number> => p.evaluate(() => window.peer.audioEnergy());
    await new Promise((r) => setTimeout(r, 1_000)); // let audio sent before the mute drain from the jitter buffers
    const [callerBefore, expertBefore] = [await energy(caller), await energy(expert)];
    await new Promise((r) => setTimeout(r, 2_500));
    const [callerAfter, expertAfter] = [await energy(caller), await energy(expert)];
    expect(callerAfter - callerBefore).toBeGreaterThan(0.2);
    expect(expertAfter - expertBefore).toBeGreaterThan(0.2);
    // Hanging up ends both legs.
    await page.keyboard.press('F7');
    await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
    await expect.poll(() => expert.evaluate(() => window.peer.state())).toBe('none');
    await expect(page.getByTestId('call-controls')).toHaveCount(0);
  });
});
