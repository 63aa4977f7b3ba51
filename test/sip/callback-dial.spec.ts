import { expect, test } from '@playwright/test';
import { callDesk, registration } from '../support/desk-calls';
import type { DeskPhone } from './support/desk';
import { startDeskPhone } from './support/desk';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';
import type { SippRun } from './support/sipp';
import { runSipp, writeToneFile } from './support/sipp';

const PASSWORD = 'test1234';
const CALLER = '13905391234';

/**
 * 回访 dials the caller: the desk (1001, no hub session) answered a confidential caller's ticket; the callback
 * form shows the number masked, Alt+Shift+D places the call, Kamailio sends it to the PSTN gateway (a sipp UAS
 * that answers), which receives the INVITE for the caller's own number. The phone bar shows the masked number
 * too. When the operator hangs up, the form asks how it went; reached goes on to "solved?".
 */
test.describe.serial('callback dials the caller', () => {
  let rig: SipRig;
  let desk: DeskPhone;
  let gateway: SippRun | null = null;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, afterCallWorkSeconds: 2 });
  });

  test.afterAll(async () => {
    gateway?.kill();
    await desk.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  test('the callback form dials the caller’s number, masked on screen, and asks how the call went', async () => {
    const { page } = desk;
    await expect(page.getByTestId('phone-state')).toHaveText('已注册');
    gateway = await runSipp({ scenario: 'uas_answer.xml', proxyPort: rig.sipPort, service: 'gateway', dir: rig.dir, port: rig.gatewayPort, params: { TONE: writeToneFile(rig.dir), WAIT_MS: '60000' }, timeoutS: 120 });

    // A whistle-blower's ticket, answered directly at this desk: due for a callback.
    const reg = registration({ callerNumber: CALLER, confidential: true, description: '举报河边工厂夜间偷排污水' });
    expect(await callDesk(page, 'registerTicket', { registration: reg, trainee: false })).toMatchObject({ ok: true });
    expect(await callDesk(page, 'answerTicket', { ticketId: reg.id, answer: { articleId: null, answer: '已转告环保执法大队夜间巡查。' } })).toMatchObject({ ok: true });

    // (Registered through the desk's API, not the form: the workbench reads the callback candidates again on a reload.)
    await page.reload();
    await expect(page.getByTestId('phone-state')).toHaveText('已注册');

    // Alt+C, pick the ticket by typing, Enter: the number is shown masked.
    // The ticket forms load lazily after a reload: wait until the picker has focus and shows the one match.
    await page.keyboard.press('Alt+KeyC');
    await expect(page.getByTestId('field-callbackTicket').locator('input')).toBeFocused({ timeout: 30_000 });
    await page.keyboard.type('偷排');
    await expect(page.locator('.ant-select-dropdown .ant-select-item-option:visible')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('field-callbackTicket')).toContainText('举报河边工厂夜间偷排污水');
    await expect(page.getByTestId('callback-number')).toHaveText('139****1234');
    await expect(page.getByTestId('callback-number')).toHaveAttribute('data-masked', 'true');

    // Alt+Shift+D dials; the gateway answers; the phone shows the masked number, never the caller's.
    await page.keyboard.press('Alt+Shift+KeyD');
    await expect(page.getByTestId('callback-dialing')).toContainText('正在回访 139****1234');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active', { timeout: 30_000 });
    await expect(page.getByTestId('call-controls')).toContainText('139****1234');
    expect(await page.evaluate(() => window.deskPhone.calls().map((c) => c.remoteNumber))).toEqual(['139****1234']);
    await expect(page.locator('body')).not.toContainText(CALLER);
    await page.screenshot({ path: 'test-results/callback-dial.png' });

    // The operator hangs up (F7): the form asks how it went, "reached" in focus; Enter goes on to "solved?".
    await page.keyboard.press('F7');
    await expect(page.getByTestId('callback-outcome')).toContainText('回访通话已结束（已接通）');
    await expect(page.getByTestId('callback-reached')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('field-solved').locator('input').first()).toBeFocused();

    // The gateway got the INVITE for the caller's own number and the BYE: its one call succeeded.
    expect(await gateway.done, gateway.trace()).toBe(0);
    expect(gateway.trace()).toMatch(new RegExp(`INVITE sip:${CALLER}@`));
  });
});
