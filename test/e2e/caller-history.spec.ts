import { callDesk, registration } from '../support/desk-calls';
import { registerByKeyboard } from '../support/ticket-form';
import { expect, test } from './fixtures';

test('caller history lists the number’s earlier tickets, flags a repeat caller and hides nothing else’s', async ({ page }) => {
  for (const description of ['门店占道经营，行人无法通行。', '门店又把货架摆到人行道上了。']) {
    expect(await callDesk(page, 'registerTicket', { registration: registration({ description }), trainee: false })).toMatchObject({ ok: true });
  }
  expect(await callDesk(page, 'registerTicket', { registration: registration({ callerNumber: '13900000000', confidential: true }), trainee: false })).toMatchObject({ ok: true });

  await page.keyboard.press('Alt+Digit3');
  const panel = page.getByTestId('history-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('history-number').locator('input').fill('13800000000');
  await expect(panel.getByTestId('history-ticket')).toHaveCount(2);
  await expect(panel.getByTestId('history-ticket').first()).toContainText('门店又把货架摆到人行道上了');
  await expect(panel.getByTestId('history-summary')).toContainText('近 30 天本机登记 2 件');
  await expect(panel.getByTestId('history-summary')).not.toContainText('重复来电');

  await panel.getByTestId('history-number').locator('input').fill('13900000000');
  await expect(panel.getByTestId('history-ticket')).toHaveCount(1);
  await expect(panel.getByTestId('history-ticket')).toContainText('保密');

  // Choosing the same matter in the ticket form makes the first number a repeat caller.
  await panel.getByTestId('history-number').locator('input').fill('13800000000');
  await page.getByTestId('field-category').click();
  await page.keyboard.type('占道');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-category')).toContainText('城市管理 / 占道经营');
  await expect(panel.getByTestId('history-summary')).toContainText('重复来电');

  // A number with letters asks nothing and shows nothing.
  await panel.getByTestId('history-number').locator('input').fill('1390abc');
  await expect(panel.getByTestId('history-ticket')).toHaveCount(0);
});

test('every written form of a number finds the same caller, and a first call is not a repeat', async ({ page }) => {
  // Registered from the form as the operator types it, with a dash; the matter chosen stays on the form.
  await registerByKeyboard(page, {
    name: '赵先生',
    number: '0539-8123456',
    place: ['兰山', '兰山区'],
    address: '某小区',
    type: '投诉',
    category: ['占道', '城市管理 / 占道经营'],
    description: '门店把货架摆到人行道上，行人只能走机动车道。',
  });
  await page.keyboard.press('Alt+Digit3');
  const panel = page.getByTestId('history-panel');
  const input = panel.getByTestId('history-number').locator('input');
  for (const form of ['05398123456', '0539-8123456', '+86 539 812 3456', '0086 (0539) 8123456', '0539-8123456 转 8001']) {
    await input.fill(form);
    await expect(panel.getByTestId('history-ticket'), form).toHaveCount(1);
  }
  // Their own ticket, just registered for this matter, does not make them a repeat caller.
  await expect(panel.getByTestId('history-summary')).toHaveCount(0);
  await expect(panel).not.toContainText('重复来电');

  // An earlier ticket of the same number and matter does.
  expect(await callDesk(page, 'registerTicket', { registration: registration({ callerNumber: '+86-539-8123456' }), trainee: false })).toMatchObject({ ok: true });
  await input.fill('');
  await input.fill('0539 8123456');
  await expect(panel.getByTestId('history-ticket')).toHaveCount(2);
  await expect(panel.getByTestId('history-summary')).toContainText('重复来电');
});
