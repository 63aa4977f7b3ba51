import { expect, test } from './fixtures';

/** The knowledge pane against the real local services and the shipped knowledge base. */
test.describe('knowledge search', () => {
  test('finds the article while typing, with highlighted words, and keeps expired versions behind current ones', async ({ page }) => {
    await page.keyboard.press('F3');
    const search = page.getByTestId('knowledge-search').locator('input');
    await expect(search).toBeFocused();
    await page.keyboard.type('公积金 租房 提取');
    const hits = page.getByTestId('kb-hit');
    const top3 = (): Promise<(string | null)[]> => hits.evaluateAll((items) => items.slice(0, 3).map((item) => item.getAttribute('data-article-id')));
    await expect.poll(top3).toContain('KB-0022');
    await expect(hits.first().locator('mark.kb-match').first()).toBeVisible();
    const statuses = await hits.evaluateAll((items) => items.map((item) => item.classList.contains('kb-hit-expired')));
    const firstExpired = statuses.indexOf(true);
    if (firstExpired >= 0) expect(statuses.slice(firstExpired)).not.toContain(false);
    await page.screenshot({ path: 'test-results/knowledge-search.png' });
  });

  test('a homophone typo and pinyin initials still find it', async ({ page }) => {
    const search = page.getByTestId('knowledge-search').locator('input');
    await search.fill('社宝卡丢了');
    await expect(page.getByTestId('kb-hit').first()).toContainText('社保卡');
    await search.fill('gjj 余额查询');
    await expect(page.getByTestId('kb-hit').first()).toContainText('公积金');
  });

  test('↑/↓ pick, Enter opens the whole answer, Alt+I copies it into the ticket and links the article', async ({ page }) => {
    await page.keyboard.press('F3');
    await page.keyboard.type('暖气费多少钱');
    const hits = page.getByTestId('kb-hit');
    await expect(hits.first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(hits.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const body = page.getByTestId('kb-article-body');
    await expect(body).toBeVisible();
    const firstLine = (await body.locator('p').first().innerText()).slice(0, 12);
    const articleId = await hits.nth(0).getAttribute('data-article-id');

    // Feedback for the KB editors is kept by the desk.
    await body.getByRole('button', { name: '已过时' }).click();
    await expect(page.getByText('已记录，将反馈给知识库编辑')).toBeVisible();
    await expect(body.getByRole('button', { name: '有用' })).toBeDisabled();

    await page.keyboard.press('F3');
    await page.keyboard.press('Alt+KeyI');
    await expect(page.getByTestId('kb-linked')).toContainText(articleId ?? 'missing');
    await expect(page.getByTestId('field-description')).toHaveValue(new RegExp(firstLine.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')));

    // Opening the article and copying its answer after a typed query are queued for the hub to learn from.
    await expect(page.getByTestId('sync-state')).toContainText('待发送 2 条');
  });

  test('suggests articles from the ticket description when nothing is typed in the search', async ({ page }) => {
    await page.keyboard.press('Alt+KeyR');
    await page.getByTestId('field-description').fill('来电人反映小区物业以拖欠物业费为由停水停电，要求处理');
    await expect(page.getByTestId('kb-results')).toContainText('根据工单内容推荐');
    await expect(page.getByTestId('kb-hit').first()).toContainText('物业');
  });

  test('says when nothing matches well, widens on Shift+Enter and registers the search as a new matter on Alt+Enter', async ({ page }) => {
    const search = page.getByTestId('knowledge-search').locator('input');
    // A clear answer: no warning.
    await search.fill('公积金 租房 提取');
    await expect(page.getByTestId('kb-hit').first()).toBeVisible();
    await expect(page.getByTestId('kb-weak-match')).toHaveCount(0);
    // A question the knowledge base does not cover: the best of a poor lot is flagged, not offered as the answer.
    await search.fill('航空公司丢行李');
    await expect(page.getByTestId('kb-weak-match')).toBeVisible();
    await expect(page.getByTestId('kb-hit').first()).toBeVisible();
    await search.press('Shift+Enter');
    await expect(page.getByTestId('kb-weak-match')).toContainText('已扩大检索');
    await expect.poll(() => page.getByTestId('kb-hit').count()).toBeGreaterThan(10);
    await search.press('Alt+Enter');
    // The registration form takes the focus (its first field), with the search carried into the description.
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[data-ticket-section="registration"]')))).toBe(true);
    await expect(page.getByTestId('field-description')).toHaveValue('航空公司丢行李');
  });
});
