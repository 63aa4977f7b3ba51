import type { Page } from '@playwright/test';
import type { TicketRegistration } from '../../shared/tickets/ticket';
import { sampleRegistration } from './sample-ticket';

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

/** A registration as plain JSON, the way it crosses the wire. */
export const registration = (overrides: Partial<TicketRegistration> = {}): Record<string, unknown> => ({ ...sampleRegistration(overrides) });
