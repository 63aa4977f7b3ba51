import { expect, test } from './fixtures';

test.describe('operator workbench in the web host', () => {
  test('loads in Chinese with both panes, the status bar and the local services', async ({ page, desk }) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('pane-call')).toBeVisible();
    await expect(page.getByTestId('pane-knowledge')).toBeVisible();
    await expect(page.getByTestId('caller-panel')).toContainText('来电信息');
    await expect(page.getByTestId('ticket-area')).toContainText('工单登记');
    await expect(page.getByRole('tab', { name: '知识库' })).toBeVisible();
    await expect(page.getByTestId('status-bar')).toContainText('座席状态');
    await expect(page.getByTestId('shift')).toContainText(/班/);
    await expect(page.getByTestId('services-state')).toContainText('本地服务正常');
    await page.screenshot({ path: 'test-results/workbench-zh-CN.png' });
    expect(desk.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('switches to English and back, and remembers the choice after a reload', async ({ page, desk }) => {
    await page.getByTestId('toggle-language').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('ticket-area')).toContainText('Ticket');
    await page.goto(desk.url);
    await expect(page.getByTestId('ticket-area')).toContainText('Ticket');
    await page.keyboard.press('Control+Shift+L');
    await expect(page.getByTestId('ticket-area')).toContainText('工单登记');
  });

  test('switches to the dark theme for night shifts, by click and by shortcut', async ({ page }) => {
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByTestId('toggle-theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(background).not.toBe(light);
    await page.screenshot({ path: 'test-results/workbench-dark.png' });
    await page.keyboard.press('Control+Shift+T');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('opens the shortcut help with F1 and ?, but not while typing', async ({ page }) => {
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: '快捷键' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('切换浅色 / 深色主题');
    await expect(help).toContainText('Ctrl + Shift + T');
    await page.screenshot({ path: 'test-results/shortcut-help.png' });
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.keyboard.press('Shift+?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // F3 puts the cursor in the knowledge search; typing "?" there is text, not a shortcut.
    await page.keyboard.press('F3');
    const search = page.getByTestId('knowledge-search').locator('input');
    await expect(search).toBeFocused();
    await page.keyboard.type('医保?');
    await expect(search).toHaveValue('医保?');
    await expect(help).toBeHidden();
  });

  test('a button’s hint steps aside when the operator acts, so Escape reaches the dialog the button opened', async ({ page }) => {
    // antd gives Escape to the newest open popup: a hint left open under the pointer after its button opened a dialog
    // took the Escape, and the dialog stayed open.
    const button = page.getByTestId('open-self-check');
    const selfCheck = page.getByRole('dialog', { name: '话机自检' });
    const openHint = page.locator('.ant-tooltip:not(.ant-tooltip-hidden):not([class*="-leave"])');
    await button.hover();
    await expect(openHint).toContainText('话机自检');
    // Any key closes it, though the pointer stays on the button (antd's own hint stays open).
    await page.keyboard.press('Shift');
    await expect(openHint).toHaveCount(0);
    // It comes back only when the pointer enters again.
    await page.mouse.move(0, 0);
    await button.hover();
    await expect(openHint).toContainText('话机自检');
    // A click closes it too, and Escape then closes the dialog the click opened.
    await button.click();
    await expect(selfCheck).toBeVisible();
    await expect(openHint).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(selfCheck).toBeHidden();
  });

  test('the right pane keeps a tab’s work when the operator looks at another, and mounts a tab only when it is chosen', async ({ page }) => {
    const pane = page.getByTestId('pane-knowledge');
    await page.getByRole('searchbox').first().fill('噪音');
    await page.keyboard.press('Enter');
    await expect(pane.getByTestId('kb-hit').first()).toBeVisible();
    // Only the knowledge panel exists until another tab is chosen: the lazy panels' code is not fetched before.
    await expect(pane.getByRole('tabpanel', { includeHidden: true })).toHaveCount(1);
    await page.keyboard.press('Alt+Digit3');
    await expect(pane.getByRole('tab', { name: '来电历史' })).toHaveAttribute('aria-selected', 'true');
    await expect(pane.getByTestId('kb-hit').first()).toBeHidden();
    await expect(pane.getByRole('tabpanel', { includeHidden: true })).toHaveCount(2);
    // Arrow keys move along the tabs and Enter opens one (WAI-ARIA tabs with manual activation).
    await pane.getByRole('tab', { name: '来电历史' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(pane.getByRole('tab', { name: '知识库' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(pane.getByRole('tab', { name: '知识库' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('searchbox').first()).toHaveValue('噪音');
    await expect(pane.getByTestId('kb-hit').first()).toBeVisible();
  });

  test('says so when the browser host cannot move the knowledge pane', async ({ page }) => {
    await page.keyboard.press('Control+Shift+D');
    await expect(page.getByText('浏览器版不支持移至第二屏')).toBeVisible();
    await expect(page.getByTestId('pane-knowledge')).toBeVisible();
  });
});
