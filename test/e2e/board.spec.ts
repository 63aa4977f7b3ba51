import { expect, test } from './fixtures';

test.describe('supervisors’ seat board', () => {
  test('shows 60 simulated seats live: totals, a state change, a long-call alarm, keys', async ({ page, desk }) => {
    // Every seat reports every 2 s; seat S0001 is scripted to pass the 10-minute long-call limit ~12 s after the start.
    await page.goto(`${desk.url}/?view=board&simulate=60&interval=2000&seed=3`);
    await expect(page.getByTestId('board-total-seats')).toContainText('60');
    await expect(page.getByTestId('board-simulated')).toHaveText('模拟数据');
    await expect(page.getByTestId('board-team').first()).toContainText('第1组');
    await expect(page.getByTestId('board-chart')).toHaveAttribute('aria-label', /各状态座席数：通话中 \d+/);

    const first = page.locator('[data-testid=seat-tile][data-desk-id=S0001]');
    await expect(first).toHaveAttribute('data-state', 'on_call');
    await expect(first.getByTestId('seat-alarm')).toHaveCount(0);

    // A report changes a seat's state on screen.
    const second = page.locator('[data-testid=seat-tile][data-desk-id=S0002]');
    const before = await second.getAttribute('data-state');
    await expect.poll(() => second.getAttribute('data-state'), { timeout: 15_000 }).not.toBe(before);

    // The call runs past the limit with no new report: the clock alone raises the alarm.
    await expect(first.getByTestId('seat-alarm')).toHaveText('超长通话', { timeout: 25_000 });
    await expect(first).toHaveAttribute('data-alarms', /long_call/);
    await expect(first.getByTestId('seat-call-length')).toHaveText(/^10:\d\d$/);
    await page.screenshot({ path: 'test-results/board-zh-CN.png' });

    // Alt+A: alarmed seats only; Alt+N: the first alarmed seat takes the focus.
    await page.keyboard.press('Alt+A');
    await expect(page.getByRole('checkbox', { name: /只看告警/ })).toBeChecked();
    await expect(page.getByTestId('board-showing')).not.toContainText('显示 60 /');
    await page.keyboard.press('Alt+N');
    await expect(page.locator('[data-testid=seat-tile]:focus')).toHaveAttribute('data-alarms', /\S/);
    await page.keyboard.press('Alt+C');
    await expect(page.getByTestId('board-showing')).toContainText('显示 60 / 60');
    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog', { name: '座席监控快捷键' })).toContainText('跳到下一个告警座席');
  });

  test('says it needs the hub when there is no seat source', async ({ page, desk }) => {
    await page.goto(`${desk.url}/?view=board`);
    await expect(page.getByTestId('board-no-hub')).toContainText('座席监控需要连接中心服务器');
  });
});
