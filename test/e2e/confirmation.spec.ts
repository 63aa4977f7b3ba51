import type { Locator } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { RunningHub } from '../hub/support/hub-harness';
import { startHub } from '../hub/support/hub-harness';
import { answerEnrolmentIfAsked } from '../support/hub-sign-in';
import { registerByKeyboard, typeInto } from '../support/ticket-form';
import { expect, test } from './fixtures';

/**
 * After register, transfer and answer, the confirmation is in view (not scrolled away) at 1366×768, names the
 * ticket by the number the caller is told (`YYYYMMDD-NNNNNN`, given by the hub; "pending" until it arrives),
 * says what comes next, and is copied with one key.
 */
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

let hub: RunningHub;
test.beforeAll(async () => {
  hub = await startHub('pglite');
});
test.afterAll(async () => {
  await hub.close();
});

/** Inside the window and not covered: the element at its centre is the confirmation itself. */
async function expectInView(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  await expect
    .poll(() =>
      target.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const centre = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 12));
        return box.top >= 0 && box.bottom <= window.innerHeight && centre !== null && el.contains(centre);
      }),
    )
    .toBe(true);
}

const NUMBER = /工单 \d{8}-\d{6}/u;

test('confirmation in view with the ticket number after register, transfer and answer', async ({ page, context }) => {
  // Three tickets typed key by key against a real hub: on a loaded shared machine this alone can pass two minutes.
  test.slow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('Alt+KeyL');
  await page.getByTestId('hub-url').fill(hub.url);
  await page.getByTestId('hub-username').fill('op01');
  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  await answerEnrolmentIfAsked(page, hub.url);
  await expect(page.getByTestId('hub-session')).toHaveAttribute('data-state', 'signed_in');

  const result = page.getByTestId('ticket-result');
  await registerByKeyboard(page, {
    name: '王女士',
    number: '0539-8123456',
    place: ['银雀山', '兰山区 / 银雀山街道'],
    address: '某小区5号楼',
    type: '举报',
    category: ['消防安全', '应急安全 / 消防安全'],
    description: '兰山区银雀山街道某小区有住户从五楼窗户拉电线到楼下给电动车充电，存在火灾隐患。',
  });
  await expect(result).toContainText('下一步：转办（Alt+T）或直接答复（Alt+A）');
  await expect(result.getByTestId('ticket-result-number')).toHaveText(NUMBER);
  const registeredNumber = (await result.getByTestId('ticket-result-number').textContent()) ?? '';
  await expectInView(result);
  // The internal id stays internal.
  await expect(result).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-7/u);
  // Focus went to where the next action starts: the transfer form.
  await expect(page.locator('[data-ticket-section="transfer"]').locator(':focus')).toHaveCount(1);

  // One key copies the number, what happened and what comes next.
  await page.keyboard.press('Alt+Shift+KeyC');
  await expect(result.getByTestId('ticket-result-copy')).toHaveText('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(registeredNumber.replace('工单 ', ''));

  // Transfer: the same ticket number, the department and its time limit.
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('field-timeLimitDays')).toHaveValue('3');
  await page.keyboard.press('Alt+KeyT');
  await page.keyboard.press('Control+Enter');
  await expect(result).toContainText('已转办至 兰山区银雀山街道办事处');
  await expect(result).toContainText('时限 3 天');
  await expect(result.getByTestId('ticket-result-number')).toHaveText(registeredNumber);
  await expectInView(result);
  await expect(page.getByTestId('field-callerName')).toBeFocused();

  // Answer another one directly.
  await registerByKeyboard(page, {
    name: '李先生',
    number: '13800001111',
    place: ['河东', '河东区'],
    address: '',
    type: '咨询',
    category: ['公积金提取', '住房公积金 / 公积金提取'],
    description: '来电人咨询租房提取住房公积金需要什么材料，多久到账。',
  });
  await expect(result.getByTestId('ticket-result-number')).toHaveText(NUMBER);
  const answeredNumber = (await result.getByTestId('ticket-result-number').textContent()) ?? '';
  expect(answeredNumber).not.toBe(registeredNumber);
  await page.keyboard.press('Alt+KeyA');
  await typeInto(page, '已按知识库告知：租房提取需提供租赁合同和发票，审核通过后三个工作日到账。');
  await page.keyboard.press('Control+Enter');
  await expect(result).toContainText('已直接答复办结');
  await expect(result.getByTestId('ticket-result-number')).toHaveText(answeredNumber);
  await expectInView(result);
  await page.screenshot({ path: 'test-results/confirmation-1366.png' });
});
