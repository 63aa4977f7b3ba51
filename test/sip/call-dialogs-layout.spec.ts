import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { checkView, deskSizes } from '../support/layout-checks';
import { deskInboundGrows, startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';

const PASSWORD = 'test1234';

/**
 * The two dialogs that open only on a live call, the transfer dialog (F10) and the keypad (Alt+K), held to the
 * layout and accessibility suite's checks (test/e2e/layout-a11y.spec.ts, which covers every other view): at both
 * desk screens, in opposite looks (1366×768 light Chinese; 1920×1080 at 125 % dark English), no sideways
 * overflow, no serious or critical axe-core finding within the dialog, and in English no untranslated words.
 * Screenshots in test-results/layout/.
 */
const looks = [
  { size: deskSizes[0], theme: 'light', language: 'zh-CN' },
  { size: deskSizes[1], theme: 'dark', language: 'en' },
] as const;

test.describe.serial('the call’s dialogs at both desk screens', () => {
  let rig: SipRig;
  let peers: PeerServer;
  let caller: Page;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig({ password: PASSWORD });
    peers = await startPeerServer();
    caller = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: PASSWORD });
  });

  test.afterAll(async () => {
    await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
    await peers.close();
    await rig.stop({ keepLogs: process.env.SIP_RIG_KEEP_LOGS === '1' });
  });

  for (const { size, theme, language } of looks) {
    const english = language === 'en';
    test(`${size.name} ${theme} ${language}: transfer dialog and keypad during a call: no overflow, no serious axe finding${english ? ', no untranslated words' : ''}`, async ({ browser }) => {
      const desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', password: PASSWORD, afterCallWorkSeconds: 0 }, { screen: size });
      const { page } = desk;
      try {
        await expect(page.getByTestId('phone-state')).toHaveAttribute('data-status', 'registered');
        if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('Control+Shift+KeyT');
        if (english) await page.keyboard.press('Control+Shift+KeyL');
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expect(page.locator('html')).toHaveAttribute('lang', language);

        await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
        await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
        await page.keyboard.press('F6');
        await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
        await deskInboundGrows(page);

        const problems: string[] = [];
        const dialog = page.locator('.ant-modal-wrap:visible');
        const look = `${size.name}-${theme}-${language}`;

        await page.keyboard.press('F10');
        await expect(page.getByTestId('transfer-target')).toBeFocused();
        await expect(dialog).toHaveCount(1);
        problems.push(...(await checkView(page, { name: 'transfer-dialog', scope: '.ant-modal-wrap', axe: true, english, screenshot: `${look}-transfer-dialog` })));
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);

        await page.keyboard.press('Alt+KeyK');
        await expect(page.getByTestId('dtmf-5')).toBeVisible();
        await expect(dialog).toHaveCount(1);
        problems.push(...(await checkView(page, { name: 'keypad', scope: '.ant-modal-wrap', axe: true, english, screenshot: `${look}-keypad` })));
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);

        // The workbench behind them, on a live call (call controls, timer, quality), checked as a view of its own.
        problems.push(...(await checkView(page, { name: 'workbench-on-call', axe: true, english, screenshot: `${look}-workbench-on-call` })));
        expect(problems).toEqual([]);

        await page.keyboard.press('F7');
        await expect(page.getByTestId('call-controls')).toHaveCount(0);
        await expect.poll(() => caller.evaluate(() => window.peer.state())).toBe('none');
      } finally {
        await desk.close();
      }
    });
  }
});
