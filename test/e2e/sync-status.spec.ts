import type { Page } from '@playwright/test';
import { uuidv7 } from '../../electron/services/tickets/uuid7';
import { expect, test } from './fixtures';

/** Calls DeskApi over the page's own WebSocket to the web host (same origin, same checks as the UI's calls). */
async function callDesk(page: Page, method: string, input: unknown): Promise<{ ok: boolean }> {
  return page.evaluate(
    ({ method, input }) =>
      new Promise<{ ok: boolean }>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/desk-api`);
        socket.onerror = () => {
          reject(new Error('socket failed'));
        };
        socket.onopen = () => {
          socket.send(JSON.stringify({ id: 1, method, input }));
        };
        socket.onmessage = (message) => {
          const frame = JSON.parse(String(message.data)) as { id?: number; result?: { ok: boolean } };
          if (frame.id === 1 && frame.result) {
            socket.close();
            resolve(frame.result);
          }
        };
      }),
    { method, input },
  );
}

const registration = (): Record<string, unknown> => ({
  id: uuidv7(),
  callerName: '',
  callerNumber: '13800000000',
  location: { district: '兰山区', town: null, address: '' },
  requestType: '咨询',
  category: ['城市管理', '占道经营'],
  description: '门店占道经营，行人无法通行。',
  urgency: 'normal',
  confidential: false,
  unreasonableReason: null,
  relatedTicketId: null,
  calledAt: '2026-11-22T08:00:00+08:00',
});

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
