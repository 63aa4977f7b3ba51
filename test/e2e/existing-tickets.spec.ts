import type { HubTicket } from '../../shared/hub/hub-ticket';
import type { PushResponse } from '../../shared/hub/sync';
import type { RunningHub } from '../hub/support/hub-harness';
import { changeOp, hubClient, registerOp, sampleTransfer, signIn as hubSignIn, startHub } from '../hub/support/hub-harness';
import { signInToHub } from '../support/hub-sign-in';
import { expect, test } from './fixtures';

/**
 * A caller rings a second seat about the ticket another seat registered: the operator finds it by its number
 * (Alt+F), supplements and urges it from the keyboard, and the handling department's inbox at the hub shows both.
 * A real hub (PGlite) and the real desk services behind the workbench.
 */
test.describe.configure({ timeout: 120_000 });

let hub: RunningHub;
test.beforeAll(async () => {
  hub = await startHub('pglite');
});
test.afterAll(async () => {
  await hub.close();
});

test('a ticket found by number, supplemented and urged; the department sees both', async ({ page }) => {
  const call = hubClient(hub.url);
  // Another seat registered and transferred it.
  const other = await hubSignIn(hub.url, 'op02', 'e2e-other-seat');
  const reg = registerOp(1, 'op02', { description: '小区门口餐馆油烟扰民，晚上十点后还在炒菜' });
  const pushed = await call<PushResponse>('POST', '/v1/sync/push', { deskId: 'e2e-other-seat', operations: [reg, changeOp(2, 'op02', 'ticket.transfer', reg.ticketId, sampleTransfer)] }, other.token);
  const first = pushed.body.outcomes[0];
  const number = first?.outcome === 'accepted' ? first.ticketNumber : null;
  expect(number).toMatch(/^\d{8}-\d{6}$/);

  await signInToHub(page, hub.url, 'op01');
  await page.keyboard.press('Alt+KeyF');
  const dialog = page.getByTestId('existing-tickets');
  await expect(dialog).toBeVisible();
  await page.getByTestId('existing-query').locator('input').fill(String(number));
  await page.keyboard.press('Enter');
  const row = dialog.getByTestId('existing-ticket');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(String(number));
  await row.focus();
  await page.keyboard.press('Enter');
  const timeline = page.getByTestId('existing-timeline');
  await expect(timeline.locator('li[data-kind="ticket.transfer"]')).toContainText('转办');

  await page.getByTestId('existing-text').fill('油烟管道直接对着三楼窗户');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('existing-message')).toContainText(`已为工单 ${String(number)} 补充`);
  await page.getByTestId('existing-text').fill('来电人第二次催促');
  await page.keyboard.press('Alt+KeyU');
  await expect(page.getByTestId('existing-message')).toContainText(`已为工单 ${String(number)} 催办`);

  // The queue delivers both; the department's inbox shows them.
  const dept = await hubSignIn(hub.url, 'dept-urban');
  await expect
    .poll(async () => {
      const inbox = await call<HubTicket[]>('GET', '/v1/department/inbox?limit=500', undefined, dept.token);
      const mine = inbox.body.find((t) => t.id === reg.ticketId);
      return mine ? { urges: mine.urgeCount, supplements: mine.supplements.map((s) => s.text) } : null;
    }, { timeout: 30_000 })
    .toEqual({ urges: 1, supplements: ['油烟管道直接对着三楼窗户'] });
  // The timeline now reads them back from the hub.
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(timeline.locator('li[data-kind="ticket.urge"]')).toContainText('来电人第二次催促');
});
