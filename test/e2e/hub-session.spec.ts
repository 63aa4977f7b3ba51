import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { RunningHub } from '../hub/support/hub-harness';
import { hubClient, sampleTransfer, signIn as hubSignIn, startHub } from '../hub/support/hub-harness';
import { callDesk, registration } from '../support/desk-calls';
import { answerEnrolmentIfAsked } from '../support/hub-sign-in';
import { expect, test } from './fixtures';

/**
 * The desk against a real hub (PGlite, demo accounts): the operator sets the
 * hub's address and signs in from the keyboard, the status bar names them and
 * says the desk is synced, a shift change leaves a handover note for the next
 * operator, and a department's reply comes back to be called back about.
 */

// A real hub (migrations, demo accounts hashed with scrypt) and several sign-ins take a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

let hub: RunningHub;
test.beforeAll(async () => {
  hub = await startHub('pglite');
});
test.afterAll(async () => {
  await hub.close();
});

/** Alt+L, the address when given, the account and the password, Enter. */
async function signIn(page: Page, username: string, options: { hubUrl?: string; password?: string } = {}): Promise<void> {
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByTestId('hub-sign-in-form')).toBeVisible();
  if (options.hubUrl !== undefined) await page.getByTestId('hub-url').fill(options.hubUrl);
  await page.getByTestId('hub-username').fill(username);
  await page.getByTestId('hub-password').fill(options.password ?? DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
}

test('sign-in with the hub’s address, synced status, and a shift change that hands a note to the next operator', async ({ page }) => {
  const account = page.getByTestId('hub-session');
  const sync = page.getByTestId('sync-state');
  await expect(account).toContainText('未签入');
  await expect(sync).toContainText('未连接中心（仅本机）');

  // The address is checked at the field, in Chinese.
  await signIn(page, 'op01', { hubUrl: 'hub.12345.example' });
  await expect(page.getByTestId('hub-sign-in-form')).toContainText('中心服务器地址须以 http:// 或 https:// 开头');

  // A wrong password: the hub's own words.
  await page.getByTestId('hub-url').fill(hub.url);
  await page.getByTestId('hub-password').fill('not-the-password');
  await page.getByTestId('hub-password').press('Enter');
  await expect(page.getByTestId('hub-sign-in-error')).toContainText('账号或密码不正确');

  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  await answerEnrolmentIfAsked(page, hub.url);
  await expect(page.getByTestId('hub-sign-in-form')).toBeHidden();
  await expect(account).toHaveAttribute('data-state', 'signed_in');
  await expect(account).toContainText('李话务（话务员 · 一组）');

  // One ticket registered at the desk reaches the hub under op01.
  const reg = registration({ description: '交接班前登记：小区门口路灯不亮已经一周。' });
  expect(await callDesk(page, 'registerTicket', { registration: reg, trainee: false })).toMatchObject({ ok: true });
  await expect(sync).toContainText('已连接中心');
  await expect(sync).toContainText('全部已发送');
  await expect.poll(async () => (await hub.sql.query<{ author: string }>('SELECT author FROM tickets WHERE id = $1', [reg.id]))[0]?.author).toBe('op01');

  // Shift change: op01 signs out (Alt+Q) and leaves a note.
  await page.keyboard.press('Alt+KeyQ');
  await expect(page.getByTestId('handover-input')).toBeFocused();
  await page.keyboard.type('3 号来电人下午会再打来，工单已登记。');
  await page.keyboard.press('Control+Enter');
  await expect(account).toHaveAttribute('data-state', 'signed_out');
  await expect(account).toContainText('未签入');
  await expect(sync).toContainText('未连接中心（仅本机）');

  // op02 signs in at the saved address and is shown the note: who, when, what.
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByTestId('hub-url')).toHaveValue(hub.url);
  await expect(page.getByTestId('hub-username')).toBeFocused();
  await page.keyboard.type('op02');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(account).toContainText('张话务（话务员 · 一组）');
  const note = page.getByTestId('handover-note');
  await expect(note).toContainText('交接班备注');
  await expect(note).toContainText('op01 留言于');
  await expect(note).toContainText('3 号来电人下午会再打来，工单已登记。');
  await expect(sync).toContainText('已连接中心');
  await page.screenshot({ path: 'test-results/hub-handover.png' });

  // Dismissed (Alt+H), it stays away after a reload; Alt+H shows it again on demand.
  await page.keyboard.press('Alt+KeyH');
  await expect(note).toBeHidden();
  await page.reload();
  await expect(account).toContainText('张话务');
  await expect(page.getByTestId('handover-note')).toBeHidden();
  await page.keyboard.press('Alt+KeyH');
  await expect(page.getByTestId('handover-note')).toContainText('3 号来电人下午会再打来');
});

test('a department’s reply comes back to the desk and opens the callback form from the keyboard', async ({ page }) => {
  await signIn(page, 'op01', { hubUrl: hub.url });
  await answerEnrolmentIfAsked(page, hub.url);
  await expect(page.getByTestId('hub-session')).toContainText('李话务');

  const reg = registration({ description: '门店把货架摆到人行道上，行人只能走机动车道。' });
  expect(await callDesk(page, 'registerTicket', { registration: reg, trainee: false })).toMatchObject({ ok: true });
  expect(await callDesk(page, 'transferTicket', { ticketId: reg.id, transfer: { ...sampleTransfer, co: [] } })).toMatchObject({ ok: true });
  await expect(page.getByTestId('sync-state')).toContainText('全部已发送');
  await expect.poll(async () => (await hub.sql.query<{ state: string }>('SELECT state FROM tickets WHERE id = $1', [reg.id]))[0]?.state).toBe('transferred');

  // The city's urban management bureau accepts and replies at the hub.
  const call = hubClient(hub.url);
  const dept = await hubSignIn(hub.url, 'dept-urban');
  expect((await call('POST', `/v1/tickets/${String(reg.id)}/accept`, undefined, dept.token)).status).toBe(200);
  expect((await call('POST', `/v1/tickets/${String(reg.id)}/reply`, { text: '已责令商户将货架移回店内，人行道已清理。', solved: true }, dept.token)).status).toBe(200);

  // Sync now (Ctrl+Shift+S); the replies tab counts one to call back; Alt+4 shows it.
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByTestId('replies-tab')).toContainText('1');
  await page.keyboard.press('Alt+Digit4');
  const item = page.getByTestId('hub-ticket');
  await expect(item).toHaveCount(1);
  await expect(item).toBeFocused();
  await expect(item).toHaveAttribute('data-status', 'awaits_callback');
  await expect(item).toContainText(/\d{8}-\d{6}/);
  await expect(item).toContainText('已答复');
  await expect(item).toContainText('待回访');
  await expect(item).toContainText('临沂市城市管理局答复（已解决）');
  await expect(item).toContainText('已责令商户将货架移回店内，人行道已清理。');
  const number = (await item.locator('.reply-number').textContent()) ?? '';
  await page.screenshot({ path: 'test-results/hub-replies.png' });

  // Enter opens the callback form with this ticket chosen; the operator goes on from the keyboard.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-callbackTicket')).toContainText(number);
  await expect(page.getByTestId('field-solved').locator('input').first()).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('来电人确认货架已移走，表示满意。');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ticket-result')).toContainText('回访已记录');

  // The callback reaches the hub and, solved with a satisfied caller, the ticket is closed (办结) under the
  // centre's default rule; the reply leaves the to-do list.
  await expect.poll(async () => (await hub.sql.query<{ state: string }>('SELECT state FROM tickets WHERE id = $1', [reg.id]))[0]?.state).toBe('closed');
  await expect(page.getByTestId('hub-ticket')).toHaveCount(0);
  await expect(page.getByTestId('replies-panel')).toContainText('没有待处理的工单');
});

test('the outgoing operator’s shift summary: calls, tickets and what is left, by shortcut and in the sign-out dialog', async ({ page }) => {
  await signIn(page, 'op01', { hubUrl: hub.url });
  await answerEnrolmentIfAsked(page, hub.url);
  await expect(page.getByTestId('hub-session')).toContainText('李话务');

  // Three calls ended since the sign-in (as the softphone records them): 3 min in, 1 min out, one missed.
  const ended = Date.now();
  const at = (ms: number): string => new Date(ended - ms).toISOString();
  const calls = [
    { callId: 'summary-in', direction: 'inbound', remoteNumber: '13800000001', startedAt: at(185_000), answeredAt: at(180_000), endedAt: at(0), outcome: 'answered' },
    { callId: 'summary-out', direction: 'outbound', remoteNumber: '13800000002', startedAt: at(65_000), answeredAt: at(60_000), endedAt: at(0), outcome: 'answered' },
    { callId: 'summary-missed', direction: 'inbound', remoteNumber: '13800000003', startedAt: at(20_000), endedAt: at(0), outcome: 'missed' },
  ];
  for (const call of calls) expect(await callDesk(page, 'recordCall', call)).toMatchObject({ ok: true });

  // Two tickets: one answered directly, one transferred, which the department replies to.
  const answered = registration({ description: '咨询公积金提取需要带哪些材料。' });
  const transferred = registration({ description: '小区门口路灯不亮已经一周，晚上出行不便。' });
  expect(await callDesk(page, 'registerTicket', { registration: answered, trainee: false })).toMatchObject({ ok: true });
  expect(await callDesk(page, 'answerTicket', { ticketId: answered.id, answer: { articleId: null, answer: '携带身份证和租房合同到公积金中心办理。' } })).toMatchObject({ ok: true });
  expect(await callDesk(page, 'registerTicket', { registration: transferred, trainee: false })).toMatchObject({ ok: true });
  expect(await callDesk(page, 'transferTicket', { ticketId: transferred.id, transfer: { ...sampleTransfer, co: [] } })).toMatchObject({ ok: true });
  await expect(page.getByTestId('sync-state')).toContainText('全部已发送');
  await expect.poll(async () => (await hub.sql.query<{ state: string }>('SELECT state FROM tickets WHERE id = $1', [transferred.id]))[0]?.state).toBe('transferred');
  const dept = await hubSignIn(hub.url, 'dept-urban');
  const call = hubClient(hub.url);
  expect((await call('POST', `/v1/tickets/${String(transferred.id)}/accept`, undefined, dept.token)).status).toBe(200);
  expect((await call('POST', `/v1/tickets/${String(transferred.id)}/reply`, { text: '路灯已修复。', solved: true }, dept.token)).status).toBe(200);
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByTestId('replies-tab')).toContainText('1');

  // A form half typed: the draft waits for this operator.
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('field-callerName')).toBeFocused();
  await page.keyboard.type('赵女士');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已自动保存');

  // Alt+Shift+Q: the summary at any time of the shift.
  await page.keyboard.press('Alt+Shift+KeyQ');
  const summary = page.getByTestId('shift-summary');
  await expect(summary).toBeVisible();
  const figure = (id: string) => page.getByTestId(`shift-summary-${id}`);
  const expected: Record<string, string> = {
    handled: '2',
    missed: '1',
    talk: '04:00',
    average: '02:00',
    registered: '2',
    answered: '1',
    transferred: '1',
    callbacks: '0',
    pending: '0',
    attention: '0',
    drafts: '1',
    'callbacks-due': '1',
    unfinished: '0',
  };
  for (const [id, value] of Object.entries(expected)) await expect(figure(id)).toHaveAttribute('data-value', value);
  await expect(figure('handled')).toContainText('呼入 1 · 呼出 1');
  await expect(page.getByTestId('shift-summary-window')).toContainText('签入起');
  await page.screenshot({ path: 'test-results/shift-summary.png' });
  await page.keyboard.press('Escape');
  await expect(summary).toBeHidden();

  // Alt+Q: the same summary above the handover note; the note still has the focus.
  await page.keyboard.press('Alt+KeyQ');
  await expect(page.getByTestId('handover-input')).toBeFocused();
  for (const [id, value] of Object.entries(expected)) await expect(figure(id)).toHaveAttribute('data-value', value);
  await page.keyboard.type('路灯的回访交给下一班。');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('hub-session')).toHaveAttribute('data-state', 'signed_out');
});

test('a plain http:// hub on another machine is refused at the address field; the lab switch allows it and the status bar says so while it is on', async ({ page }) => {
  // 192.0.2.0/24 is reserved for documentation: the desk refuses before sending anything.
  await signIn(page, 'op01', { hubUrl: 'http://192.0.2.10:8720' });
  await expect(page.getByTestId('hub-sign-in-form')).toContainText('中心服务器地址须以 https:// 开头');
  await expect(page.getByTestId('lab-transport')).toHaveCount(0);

  await page.getByTestId('hub-lab-transport').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('lab-transport')).toContainText('实验模式：允许未加密连接');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('lab-transport')).toHaveCount(0);
});
