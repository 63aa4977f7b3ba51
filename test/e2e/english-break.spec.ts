import type { RunningHub } from '../hub/support/hub-harness';
import { startHub } from '../hub/support/hub-harness';
import { signInToHub } from '../support/hub-sign-in';
import type { RunningWebHost } from '../support/web-host';
import { startBuiltWebHost } from '../support/web-host';
import { expect, test } from './fixtures';

/**
 * An operator working in the English UI takes a meal break by its key: the desk reports the reason's code, so
 * the supervisors' board (another desk, signed in as a supervisor, Chinese UI) shows 用餐 and holds the
 * centre's 30-minute 用餐 limit, not the 15-minute default for other breaks. The board's clock is moved on
 * instead of waiting. A real hub (PGlite), two real desks (web hosts), real Chromium pages.
 */
test.describe.configure({ timeout: 300_000 });

let hub: RunningHub;
let boardDesk: RunningWebHost;
test.beforeAll(async () => {
  hub = await startHub('pglite');
  boardDesk = await startBuiltWebHost();
});
test.afterAll(async () => {
  await boardDesk.stop();
  await hub.close();
});

test('in the English UI a meal break still triggers the board’s 用餐 limit', async ({ page, browser }) => {
  // The operator's desk in English, signed in to the hub, ready, then on a meal break: each by its key.
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.getByTestId('agent-state')).toContainText('Agent');
  await signInToHub(page, hub.url, 'op01');
  await page.keyboard.press('Alt+Shift+Digit1');
  await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'ready');
  await page.keyboard.press('Alt+Shift+Digit3');
  await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'break');
  await expect(page.getByTestId('agent-state')).toContainText('Break (Meal)');

  // The supervisor's board on another desk (its own browser context: each web host's secret is a cookie on 127.0.0.1), with a clock the test can move.
  const other = await browser.newContext();
  const board = await other.newPage();
  await board.goto(boardDesk.url);
  await expect(board.getByTestId('status-bar')).toBeVisible();
  await signInToHub(board, hub.url, 'sup01');
  await board.clock.install();
  await board.goto(`${boardDesk.url}/?view=board`);
  const seat = board.locator('[data-testid=seat-tile]').filter({ hasText: '李话务' });
  await expect(seat).toHaveAttribute('data-state', 'break', { timeout: 30_000 });
  await expect(seat.locator('.seat-state')).toContainText('用餐');
  await expect(seat).toHaveAttribute('data-alarms', '');

  // 20 minutes on: past the 15-minute default, inside the 30 minutes for 用餐 — no alarm.
  await board.clock.fastForward('20:00');
  await expect(seat.getByTestId('seat-time-in-state')).toHaveText(/^2\d:\d\d$/);
  await expect(seat).toHaveAttribute('data-alarms', '');
  // 31 minutes on: the 用餐 limit is passed.
  await board.clock.fastForward('11:00');
  await expect(seat).toHaveAttribute('data-alarms', /break_overrun/, { timeout: 10_000 });
  await board.screenshot({ path: 'test-results/english-break-board.png' });
  await other.close();
});
