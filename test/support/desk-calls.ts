import type { Page } from '@playwright/test';
import { uuidv7 } from '../../electron/services/tickets/uuid7';

/** DeskApi calls made from a test through the page's own WebSocket (same origin and checks as the UI's). */
/** Calls DeskApi over the page's own WebSocket to the web host (same origin, same checks as the UI's calls). */
export async function callDesk(page: Page, method: string, input: unknown): Promise<{ ok: boolean }> {
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

export const registration = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
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
  ...overrides,
});
