import { expect, test } from './fixtures';
import { registerByKeyboard, typeInto } from '../support/ticket-form';

/**
 * The ticket forms end to end against the real local services: keyboard only,
 * dispatch suggestions from the shipped responsibility list, the local store
 * (tickets, drafts) in the web host's SQLite file.
 */

const FLYING_LEADS = '兰山区银雀山街道某小区有住户从五楼窗户拉电线到楼下给电动车充电，还有人把电动车推进楼道充电，存在火灾隐患。';

test.describe('ticket registration, transfer, direct answer and callback', () => {
  test('Alt+S pressed before the dispatch suggestions are in takes the first of them when they come', async ({ page }) => {
    await expect(page.getByTestId('field-description')).toBeVisible();
    // The suggestions follow the description 0.2 s after the last change: Alt+S at once comes before them.
    await page.getByTestId('field-description').fill(FLYING_LEADS);
    await page.keyboard.press('Alt+KeyS');
    await expect(page.getByTestId('field-lead')).toContainText('兰山区银雀山街道办事处');
    await expect(page.getByTestId('field-timeLimitDays')).toHaveValue('3');
  });

  test('registers from the keyboard, transfers with the suggested department, answers another, calls back', async ({ page }) => {
    await registerByKeyboard(page, {
      name: '王女士',
      number: '0539-8123456',
      place: ['银雀山', '兰山区 / 银雀山街道'],
      address: '某小区5号楼',
      type: '举报',
      category: ['消防安全', '应急安全 / 消防安全'],
      description: FLYING_LEADS,
    });

    // The suggestion names the town office (就近定责) with the duty entry and why.
    const first = page.getByTestId('suggestion-1');
    await expect(first).toHaveAttribute('data-department', 'lanshan-yinqueshan-st');
    await expect(first).toContainText('兰山区银雀山街道办事处');
    await expect(first).toContainText('D-0296');
    await expect(first).toContainText('属地乡镇街道 → 文中“银雀山街道”');

    // Focus moved to the transfer section; Alt+S takes the first suggestion, Ctrl+Enter transfers.
    await page.keyboard.press('Alt+KeyS');
    await expect(page.getByTestId('transfer-form')).toContainText('兰山区银雀山街道办事处');
    await expect(page.getByTestId('field-timeLimitDays')).toHaveValue('3');
    await page.keyboard.press('Alt+KeyT');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('ticket-result')).toContainText('已转办至 兰山区银雀山街道办事处');
    // The form for the next ticket starts clean: the Ctrl+Enter that sent this one is not replayed.
    await expect(page.getByTestId('transfer-section')).not.toContainText('请选择主办单位');

    // A consultation closed as answered directly.
    await registerByKeyboard(page, {
      name: '李先生',
      number: '13800001111',
      place: ['河东', '河东区'],
      address: '',
      type: '咨询',
      category: ['公积金提取', '住房公积金 / 公积金提取'],
      description: '来电人咨询租房提取住房公积金需要什么材料，多久到账。',
    });
    await page.keyboard.press('Alt+KeyA');
    await expect(page.getByTestId('field-answer')).toBeFocused();
    await typeInto(page, '已按知识库告知：租房提取需提供租赁合同和发票，审核通过后三个工作日到账。');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('ticket-result')).toContainText('已直接答复办结');
    await expect(page.getByTestId('answer-section')).not.toContainText('请填写答复内容');

    // The callback on the answered ticket.
    await page.keyboard.press('Alt+KeyC');
    await expect(page.getByTestId('field-callbackTicket').locator('input')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    // Tab past the callback's own call controls (dial, 无法联系) to "solved?".
    const solvedFocused = (): Promise<boolean> => page.evaluate(() => document.activeElement?.closest('[data-testid="field-solved"]') != null);
    for (let i = 0; i < 6 && !(await solvedFocused()); i += 1) await page.keyboard.press('Tab');
    expect(await solvedFocused()).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await typeInto(page, '来电人表示已按答复办理');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('ticket-result')).toContainText('回访已记录');
  });

  test('shows each field limit at the field, keeps emoji and HTML as text and refuses a 1 MB paste without losing the draft', async ({ page }) => {
    await page.keyboard.press('Alt+KeyR');
    await expect(page.getByTestId('field-callerName')).toBeFocused();
    await page.keyboard.type('张三3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1381234');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('registration-form')).toContainText('姓名只能包含汉字、字母、空格和“·”');
    await expect(page.getByTestId('registration-form')).toContainText('号码格式不对');

    const description = page.getByTestId('field-description');
    await description.fill('楼道里堆满纸箱 <b>很危险</b> 🔥');
    await expect(page.getByTestId('draft-status')).toContainText('草稿已自动保存');
    await description.fill('长'.repeat(1_000_000));
    await expect(page.getByTestId('draft-status')).toContainText('草稿未保存');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('registration-form')).toContainText('诉求内容最多 2000 字');

    await page.reload();
    await expect(page.getByTestId('field-description')).toHaveValue('楼道里堆满纸箱 <b>很危险</b> 🔥');
    await expect(page.locator('b', { hasText: '很危险' })).toHaveCount(0);
  });

  test('brings the draft back after a reload mid-form', async ({ page }) => {
    await page.keyboard.press('Alt+KeyR');
    await expect(page.getByTestId('field-callerName')).toBeFocused();
    await page.keyboard.type('赵女士');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13912345678');
    await page.getByTestId('field-description').fill('小区门口夜市摊贩占道，晚上十点后仍很吵。');
    await expect(page.getByTestId('draft-status')).toContainText('草稿已自动保存');
    await page.reload();
    await expect(page.getByTestId('field-callerName')).toHaveValue('赵女士');
    await expect(page.getByTestId('field-callerNumber')).toHaveValue('13912345678');
    await expect(page.getByTestId('field-description')).toHaveValue('小区门口夜市摊贩占道，晚上十点后仍很吵。');
  });

  test('paints the workbench before the ticket forms come, and carries out a ticket shortcut pressed meanwhile', async ({ page }) => {
    // Hold the forms' chunk: the workbench is up and usable without it, their place kept by the placeholder.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/TicketArea-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await expect(page.getByTestId('ticket-area-placeholder')).toBeVisible();
    await expect(page.getByTestId('caller-panel')).toContainText('来电信息');
    await page.keyboard.press('F3');
    await expect(page.getByTestId('knowledge-search').locator('input')).toBeFocused();

    // Alt+A while the forms are still coming: kept, and carried out once they are in.
    await page.keyboard.press('Alt+KeyA');
    await expect(page.getByTestId('ticket-area')).toHaveCount(0);
    release();
    await expect(page.getByTestId('field-answer')).toBeFocused();
    await expect(page.getByTestId('ticket-area-placeholder')).toHaveCount(0);
    expect(await page.evaluate(() => performance.getEntriesByName('desk:workbench-complete').length)).toBe(1);
  });

  test('lists the ticket shortcuts in the F1 help', async ({ page }) => {
    await page.keyboard.press('F1');
    const help = page.locator('.shortcut-help');
    await expect(help).toContainText('采纳第一条派单建议');
    await expect(help).toContainText('Alt + S');
    await expect(help).toContainText('工单：跳到转办');
  });
});
