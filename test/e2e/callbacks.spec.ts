import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { RunningHub } from '../hub/support/hub-harness';
import { hubClient, sampleTransfer, signIn as hubSignIn, startHub } from '../hub/support/hub-harness';
import { callDesk, registration } from '../support/desk-calls';
import { answerEnrolmentIfAsked } from '../support/hub-sign-in';
import { expect, test } from './fixtures';

/**
 * 回访 as the operator lives it, against a real hub (PGlite, demo accounts): three department replies come back
 * and the 回访 list shows them by when they fall due; the first caller cannot be reached (Alt+W in the callback
 * form), so their next try is due a day later and goes to the end of the list, the tab counting only the
 * callbacks due now; a day on (the page's clock moved) the try is due again; after the third try the ticket
 * leaves the list. Each try reaches the hub's trail.
 */

// A real hub and a day of tries; a loaded machine takes its time.
test.describe.configure({ timeout: 300_000 });

let hub: RunningHub;
test.beforeAll(async () => {
  hub = await startHub('pglite');
});
test.afterAll(async () => {
  await hub.close();
});

async function signIn(page: Page): Promise<void> {
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByTestId('hub-sign-in-form')).toBeVisible();
  await page.getByTestId('hub-url').fill(hub.url);
  await page.getByTestId('hub-username').fill('op01');
  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  await answerEnrolmentIfAsked(page, hub.url);
  await expect(page.getByTestId('hub-session')).toContainText('李话务');
}

/** The numbers of the 回访 list's rows, top to bottom. */
async function listed(page: Page): Promise<string[]> {
  return page.getByTestId('hub-ticket').locator('.reply-number').allTextContents();
}

test('无法联系 puts the callback back by a day, the 回访 list keeps callbacks in the order they fall due, and the third try ends them', async ({ page }) => {
  await signIn(page);

  // Three tickets transferred to the urban management bureau, which replies to them in order.
  const descriptions = ['小区门口垃圾桶满溢无人清运', '路边摊占用盲道', '夜间工地施工噪音扰民'];
  const regs = descriptions.map((description) => registration({ description }));
  for (const reg of regs) {
    expect(await callDesk(page, 'registerTicket', { registration: reg, trainee: false })).toMatchObject({ ok: true });
    expect(await callDesk(page, 'transferTicket', { ticketId: reg.id, transfer: { ...sampleTransfer, co: [] } })).toMatchObject({ ok: true });
  }
  await expect(page.getByTestId('sync-state')).toContainText('全部已发送');
  const call = hubClient(hub.url);
  const dept = await hubSignIn(hub.url, 'dept-urban');
  const numbers: string[] = [];
  for (const reg of regs) {
    await expect.poll(async () => (await hub.sql.query<{ state: string }>('SELECT state FROM tickets WHERE id = $1', [reg.id]))[0]?.state).toBe('transferred');
    expect((await call('POST', `/v1/tickets/${String(reg.id)}/accept`, undefined, dept.token)).status).toBe(200);
    expect((await call('POST', `/v1/tickets/${String(reg.id)}/reply`, { text: '已处理完毕。', solved: true }, dept.token)).status).toBe(200);
    numbers.push((await hub.sql.query<{ number: string }>('SELECT number FROM tickets WHERE id = $1', [reg.id]))[0]?.number ?? '');
  }
  const [first, second, third] = numbers as [string, string, string];

  // Three callbacks due now, the oldest reply first.
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByTestId('replies-tab')).toContainText('3');
  await page.keyboard.press('Alt+Digit4');
  await expect(page.getByTestId('hub-ticket')).toHaveCount(3);
  expect(await listed(page)).toEqual([first, second, third]);
  await expect(page.getByTestId('hub-ticket').first()).toBeFocused();

  // Enter opens the callback form on the first; its caller cannot be reached: Alt+W, with why in the comments.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-callbackTicket')).toContainText(first);
  await expect(page.getByTestId('callback-number')).toHaveText(String(regs[0]?.callerNumber));
  await page.getByTestId('field-comments').fill('无人接听');
  await page.keyboard.press('Alt+KeyW');
  const notice = page.getByTestId('callback-notice');
  await expect(notice).toContainText('已记录无法联系（第 1/3 次），下次回访');
  await expect(page.getByTestId('callback-tries')).toContainText('已回访 1/3 次未联系上，下次回访');

  // The try reaches the hub's trail with its note.
  await expect
    .poll(async () => (await hub.sql.query<{ payload: { attempt: number; note: string } }>("SELECT payload FROM ticket_events WHERE ticket_id = $1 AND kind = 'ticket.callback_unreachable'", [regs[0]?.id])).map((e) => e.payload))
    .toEqual([{ attempt: 1, note: '无人接听' }]);

  // The 回访 list: the first now falls due a day later, after the others; the tab counts the two due now.
  await page.keyboard.press('Alt+Digit4');
  await expect.poll(() => listed(page)).toEqual([second, third, first]);
  const retried = page.getByTestId('hub-ticket').filter({ hasText: first });
  await expect(retried).toHaveAttribute('data-status', 'callback_retry');
  await expect(retried).toHaveAttribute('data-due', 'later');
  await expect(retried.getByTestId('callback-due')).toContainText('已回访 1/3 次未联系上：下次回访');
  await expect(page.getByTestId('replies-tab')).toContainText('2');
  await page.screenshot({ path: 'test-results/callbacks-list.png' });

  // A day on (the page's clock moved 24 h 5 min): the try is due, and counts.
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('status-bar')).toBeVisible();
  await page.clock.fastForward('24:05:00');
  await page.keyboard.press('Alt+Digit4');
  await expect(page.getByTestId('hub-ticket').filter({ hasText: first })).toHaveAttribute('data-due', 'now');
  await expect(page.getByTestId('replies-tab')).toContainText('3');
  await expect(page.getByTestId('hub-ticket').filter({ hasText: first }).getByTestId('callback-due')).toContainText('已到回访时间');
  expect(await listed(page)).toEqual([second, third, first]);

  // Second and third tries from the list (↓↓ Enter, Alt+W): the third is the last, and the ticket leaves the list.
  // (The list takes the focus a moment after Alt+4; the arrows wait for it on its first row.)
  for (const attempt of [2, 3]) {
    await expect(page.getByTestId('hub-ticket').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('hub-ticket').filter({ hasText: first })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('field-callbackTicket')).toContainText(first);
    await page.keyboard.press('Alt+KeyW');
    await expect(page.getByTestId('callback-notice')).toContainText(`第 ${String(attempt)}/3 次`);
    await page.keyboard.press('Alt+Digit4');
  }
  await expect(page.getByTestId('callback-notice')).toContainText('最后一次');
  await expect(page.getByTestId('callback-unreachable')).toBeDisabled();
  await expect(page.getByTestId('callback-tries')).toContainText('已回访 3 次均未联系上，回访次数已用完');
  await expect.poll(() => listed(page)).toEqual([second, third]);
  await expect(page.getByTestId('replies-tab')).toContainText('2');
  await expect.poll(async () => (await hub.sql.query("SELECT 1 FROM ticket_events WHERE ticket_id = $1 AND kind = 'ticket.callback_unreachable'", [regs[0]?.id])).length).toBe(3);

  // Under 全部 it stays, marked 无法联系.
  await page.getByTestId('replies-filter').getByText('全部').click();
  await expect(page.getByTestId('hub-ticket').filter({ hasText: first })).toHaveAttribute('data-status', 'unreachable');
  await expect(page.getByTestId('hub-ticket').filter({ hasText: first }).getByTestId('callback-due')).toContainText('回访次数已用完');
});
