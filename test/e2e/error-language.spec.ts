import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { RunningHub } from '../hub/support/hub-harness';
import { changeOp, hubClient, registerOp, sampleTransfer, signIn as hubSignIn, startHub } from '../hub/support/hub-harness';
import { callDesk, registration } from '../support/desk-calls';
import { signInToHub } from '../support/hub-sign-in';
import { expect, test } from './fixtures';

/**
 * Errors reach the workbench as codes and are worded in the operator's
 * language: an English UI shows the real hub's refusals and the ticket form's
 * checks in English, with no Chinese character, and the Chinese UI the same
 * codes in Chinese.
 */

test.describe.configure({ timeout: 120_000 });

const HAN = /\p{Script=Han}/u;

let hub: RunningHub;
test.beforeAll(async () => {
  hub = await startHub('pglite');
});
test.afterAll(async () => {
  await hub.close();
});

test('an English UI words the hub’s refusals at sign-in in English: bad address, wrong password, hub down', async ({ page }) => {
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const form = page.getByTestId('hub-sign-in-form');
  const error = page.getByTestId('hub-sign-in-error');

  await page.keyboard.press('Alt+KeyL');
  await expect(form).toBeVisible();
  await page.getByTestId('hub-url').fill('hub.12345.example');
  await page.getByTestId('hub-username').fill('op01');
  await page.getByTestId('hub-password').fill('not-the-password');
  await page.getByTestId('hub-password').press('Enter');
  await expect(form).toContainText('The hub address must start with http:// or https://');

  // The real hub refuses the password: its reason code, worded here.
  await page.getByTestId('hub-url').fill(hub.url);
  await page.getByTestId('hub-password').press('Enter');
  await expect(error).toContainText('Sign-in failed: Wrong account or password');
  expect(await error.innerText()).not.toMatch(HAN);

  // Nothing listens at this address: the hub is down.
  await page.getByTestId('hub-url').fill('http://127.0.0.1:9');
  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  await expect(error).toContainText('Cannot reach the hub');
  expect(await error.innerText()).not.toMatch(HAN);
  expect(await form.innerText()).not.toMatch(HAN);

  // The same refusal in the Chinese UI is in Chinese.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Alt+KeyL');
  await page.getByTestId('hub-url').fill(hub.url);
  await page.getByTestId('hub-username').fill('op01');
  await page.getByTestId('hub-password').fill('not-the-password');
  await page.getByTestId('hub-password').press('Enter');
  await expect(error).toContainText('账号或密码不正确');
});

test('the ticket form’s checks are in English in the English UI, and in Chinese in the Chinese one', async ({ page }) => {
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const form = page.getByTestId('registration-form');
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('field-callerName')).toBeFocused();
  await page.keyboard.type('张三3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1381234');
  await page.keyboard.press('Tab');
  await expect(form).toContainText('A name may contain only Chinese characters, letters, spaces and “·”');
  await expect(form).toContainText('Not a valid number');
  await page.getByTestId('field-description').fill('短');
  await page.keyboard.press('Control+Enter');
  await expect(form).toContainText('Describe the request in at least 5 characters');
  await expect(form).toContainText('Choose the request type');
  const messages = (await form.locator('.ant-form-item-explain-error').allInnerTexts()).filter((text) => text.trim() !== '');
  expect(messages.length).toBeGreaterThanOrEqual(4);
  for (const text of messages) expect(text).not.toMatch(HAN);

  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Control+Enter');
  await expect(form).toContainText('诉求内容至少 5 个字');
  await expect(form).toContainText('请选择诉求类型');
});

test('an English UI words a refusal the hub sends as a reason code with details: a review someone else already decided', async ({ page }) => {
  // A trainee's ticket waits for review, sent from another desk.
  const deskId = 'desk-lang-0001';
  const trainee = await hubSignIn(hub.url, 'trainee01', deskId);
  const reg = registerOp(1, 'trainee01', { description: '学员登记：路口的信号灯不亮，早高峰车辆拥堵。' });
  const forReview = changeOp(2, 'trainee01', 'ticket.transfer_for_review', reg.ticketId, sampleTransfer);
  const call = hubClient(hub.url);
  expect((await call('POST', '/v1/sync/push', { deskId, operations: [reg, forReview] }, trainee.token)).status).toBe(200);

  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await signInToHub(page, hub.url, 'sup01');
  await page.keyboard.press('Alt+Digit5');
  const row = page.locator(`[data-testid="review-row"][data-ticket-id="${reg.ticketId}"]`);
  await expect(row).toBeFocused({ timeout: 20_000 });

  // Meanwhile the administrator approves it at the hub: this desk's approval is refused (409, NOT_IN_REVIEW).
  const admin = await hubSignIn(hub.url, 'admin');
  expect((await call('POST', `/v1/reviews/${reg.ticketId}`, { decision: 'approve', comment: '' }, admin.token)).status).toBe(200);
  await page.keyboard.press('KeyA');
  const refused = page.locator('.ant-message').getByText('The review was not recorded: This ticket is not waiting for review');
  await expect(refused).toBeVisible();
  expect(await refused.innerText()).not.toMatch(HAN);
  // The queue is read again: the ticket someone else decided is gone from it.
  await expect(row).toHaveCount(0);
});

test('the shift summary lists an entry the hub refused for good, worded from its reason code in the UI’s language', async ({ page }) => {
  // Another desk registered a ticket under this id first: this desk's registration of the same id is refused (ID_TAKEN).
  const elsewhere = await hubSignIn(hub.url, 'op02', 'desk-lang-0002');
  const first = registerOp(1, 'op02');
  expect((await hubClient(hub.url)('POST', '/v1/sync/push', { deskId: 'desk-lang-0002', operations: [first] }, elsewhere.token)).status).toBe(200);

  await signInToHub(page, hub.url, 'op01');
  expect(await callDesk(page, 'registerTicket', { registration: registration({ id: first.ticketId }), trainee: false })).toMatchObject({ ok: true });
  await expect(async () => {
    await callDesk(page, 'syncNow', undefined);
    expect(await callDesk(page, 'getSyncStatus', undefined)).toMatchObject({ ok: true, value: { pending: 0, needsAttention: 1 } });
  }).toPass({ timeout: 30_000 });

  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Alt+Shift+KeyQ');
  const refused = page.getByTestId('shift-summary-refused-entry');
  await expect(refused).toHaveAttribute('data-reason', 'ID_TAKEN');
  await expect(refused).toContainText(`The id ${first.ticketId} is used by another desk or record already`);
  expect(await page.getByTestId('shift-summary-refused-list').innerText()).not.toMatch(HAN);

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Alt+Shift+KeyQ');
  await expect(refused).toContainText(`编号 ${first.ticketId} 已被其他座席或其他记录使用`);
});
