import { callDesk, registration } from '../support/desk-calls';
import { expect, test } from './fixtures';

test('the status bar says the desk is not connected to a hub and counts what waits to be sent', async ({ page }) => {
  const sync = page.getByTestId('sync-state');
  await expect(sync).toContainText('未连接中心（仅本机）');
  await expect(sync).not.toContainText('待发送');

  expect(await callDesk(page, 'registerTicket', { registration: registration(), trainee: false })).toMatchObject({ ok: true });
  await expect(sync).toContainText('待发送 1 条');
  expect(await callDesk(page, 'registerTicket', { registration: registration(), trainee: false })).toMatchObject({ ok: true });
  await expect(sync).toContainText('待发送 2 条');
  await expect(sync).toContainText(/最早 .*(前|秒)/);

  // Still there after a reload: the count comes from the outbox on disk, not from the page.
  await page.reload();
  await expect(page.getByTestId('sync-state')).toContainText('待发送 2 条');

  // The shortcut says plainly that there is no hub to sync with.
  await page.keyboard.press('Control+Shift+S');
  await expect(page.locator('.ant-message')).toContainText('未连接中心（仅本机）');
});
