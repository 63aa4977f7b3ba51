import type { HubTicket } from '../../shared/hub/hub-ticket';
import type { RunningHub } from '../hub/support/hub-harness';
import { hubClient, sampleTransfer, signIn as hubSignIn, startHub } from '../hub/support/hub-harness';
import { callDesk, registration } from '../support/desk-calls';
import { signInToHub } from '../support/hub-sign-in';
import { expect, test } from './fixtures';

/**
 * A department returns a ticket as not theirs (退回): the desk's list shows it with the department's reason,
 * Enter takes it up in the ticket area, and the operator re-dispatches it to another department with a reason,
 * from the keyboard. The new department's inbox at the hub shows it with the reason; the timeline names the
 * departments. A real hub (PGlite, demo accounts) and the real desk services behind the workbench.
 */
test.describe.configure({ timeout: 120_000 });

let hub: RunningHub;
test.beforeAll(async () => {
  hub = await startHub('pglite');
});
test.afterAll(async () => {
  await hub.close();
});

test('a returned ticket is re-dispatched to another department with a reason, and that department sees it', async ({ page }) => {
  await signInToHub(page, hub.url, 'op01');
  const reg = registration({ description: '公司拖欠三个月工资，老板一直躲着不见人。' });
  const ticketId = String(reg.id);
  expect(await callDesk(page, 'registerTicket', { registration: reg, trainee: false })).toMatchObject({ ok: true });
  expect(await callDesk(page, 'transferTicket', { ticketId, transfer: { ...sampleTransfer, co: [] } })).toMatchObject({ ok: true });
  await expect(page.getByTestId('sync-state')).toContainText('全部已发送');
  await expect.poll(async () => (await hub.sql.query<{ state: string }>('SELECT state FROM tickets WHERE id = $1', [ticketId]))[0]?.state).toBe('transferred');

  // The urban management bureau returns it.
  const call = hubClient(hub.url);
  const urban = await hubSignIn(hub.url, 'dept-urban');
  expect((await call('POST', `/v1/tickets/${ticketId}/return`, { reason: '欠薪不属于城管职责，应由人社部门处理' }, urban.token)).status).toBe(200);

  // Sync now; Alt+4 shows the returned ticket with the department and its reason.
  await page.keyboard.press('Control+Shift+S');
  await page.keyboard.press('Alt+Digit4');
  const item = page.getByTestId('hub-ticket');
  await expect(item).toHaveAttribute('data-status', 'returned', { timeout: 30_000 });
  await expect(item.getByTestId('return-reason')).toContainText('临沂市城市管理局 · 退回理由：欠薪不属于城管职责，应由人社部门处理');
  const number = (await item.locator('.reply-number').textContent()) ?? '';
  expect(number).toMatch(/^\d{8}-\d{6}$/);

  // Enter takes it up: the transfer form shows who returned it and why, and asks for the re-dispatch reason.
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transfer-returned')).toContainText('临沂市城市管理局退回：欠薪不属于城管职责，应由人社部门处理');
  await expect(page.getByTestId('field-lead').locator('input')).toBeFocused();

  // The same department again, with no reason: refused at the fields, nothing sent.
  await page.keyboard.type('城市管理局');
  await page.keyboard.press('Enter');
  await page.getByTestId('field-notes').focus();
  await page.keyboard.press('Control+Enter');
  const form = page.getByTestId('transfer-form');
  await expect(form).toContainText('退回的工单须改派其他承办单位');
  await expect(form).toContainText('请写明重新派单的理由（2 到 500 字）');

  // Another lead and a reason: re-dispatched.
  await page.getByTestId('field-lead').locator('input').focus();
  await page.keyboard.type('人力资源和社会保障局');
  await page.keyboard.press('Enter');
  await page.getByTestId('field-redispatchReason').fill('欠薪属劳动保障监察，改派人社局');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ticket-result')).toContainText('已转办至 临沂市人力资源和社会保障局');

  // At the hub: transferred to the new lead, and in that department's inbox with the reason.
  await expect
    .poll(async () => (await hub.sql.query<{ state: string; lead_department: string }>('SELECT state, lead_department FROM tickets WHERE id = $1', [ticketId]))[0], { timeout: 30_000 })
    .toEqual({ state: 'transferred', lead_department: 'city-hrss' });
  const hrss = await hubSignIn(hub.url, 'dept-hrss');
  const inbox = await call<HubTicket[]>('GET', '/v1/department/inbox?limit=500', undefined, hrss.token);
  expect(inbox.body.find((t) => t.id === ticketId)?.transfer).toMatchObject({ lead: 'city-hrss', redispatchReason: '欠薪属劳动保障监察，改派人社局' });

  // The timeline (Alt+F, by number) names the departments and shows the return and the re-dispatch reason.
  await page.keyboard.press('Alt+KeyF');
  await page.getByTestId('existing-query').locator('input').fill(number);
  await page.keyboard.press('Enter');
  const row = page.getByTestId('existing-ticket');
  await expect(row).toHaveCount(1);
  await row.focus();
  await page.keyboard.press('Enter');
  const timeline = page.getByTestId('existing-timeline');
  await expect(timeline.locator('li[data-kind="department.return"]')).toContainText('→ 临沂市城市管理局：欠薪不属于城管职责，应由人社部门处理');
  await expect(timeline.locator('li[data-kind="ticket.transfer"]').last()).toContainText('→ 临沂市人力资源和社会保障局：欠薪属劳动保障监察，改派人社局');
});
