import type { Page } from '@playwright/test';
import type { RunningHub } from '../hub/support/hub-harness';
import { startHub } from '../hub/support/hub-harness';
import { callDesk } from '../support/desk-calls';
import { choose, choosePath, typeInto } from '../support/ticket-form';
import { signInToHub } from '../support/hub-sign-in';
import { expect, test } from './fixtures';

/**
 * 实训 end to end against the real local services: a practice call started by
 * shortcut, answered in the normal registration form from the keyboard, scored
 * by the services, kept in the placement record, and never a real ticket.
 */
test.describe('trainee mode', () => {
  // A whole practice call typed from the keyboard, a reload and the record: longer than one form on a busy desk machine.
  test.describe.configure({ timeout: 180_000 });

  test('plays a practice call, scores the expected answers in full, keeps the result and registers no ticket', async ({ page }) => {
    // The operator has a draft on the go: practice borrows the form and gives it back.
    await page.keyboard.press('Alt+KeyR');
    await expect(page.getByTestId('field-callerName')).toBeFocused();
    await typeInto(page, '赵女士');
    await expect(page.getByTestId('draft-status')).toContainText('草稿已自动保存');

    await page.keyboard.press('Alt+KeyP');
    const panel = page.getByTestId('practice-panel');
    await expect(panel).toHaveAttribute('data-scenario', 'S-01');
    await expect(panel).toContainText('模拟来电 · 不生成真实工单');
    await expect(panel).toContainText('本机没有该场景的录音，以文字显示');
    await expect(page.getByTestId('practice-number')).toHaveText('13953912345');
    await expect(page.getByTestId('field-callerName')).toHaveValue('');

    // The stage guide: the practice call is answered at the greeting, with its standard phrases.
    const guide = page.getByTestId('stage-guide');
    await expect(guide).toHaveAttribute('data-stage', 'greeting');
    await expect(page.getByTestId('stage-phrases')).toContainText('12345政务服务便民热线');
    await expect(page.getByTestId('practice-turn')).toHaveCount(1);

    // Alt+M: the caller's next words (they also come by themselves at the pace of speech); the guide follows the caller.
    const turns = page.getByTestId('practice-turn');
    for (let shown = await turns.count(); shown < 5; shown = await turns.count()) {
      await page.keyboard.press('Alt+KeyM');
      await expect(turns).not.toHaveCount(shown);
    }
    await expect(turns).toHaveCount(5);
    await expect(panel).toContainText('来电人已说完');
    await expect(guide).toHaveAttribute('data-stage', 'close');
    // Alt+Shift+G steps back by hand, Alt+G on.
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect(guide).toHaveAttribute('data-stage', 'resolve');
    await expect(page.getByTestId('stage-phrases')).toContainText('您反映的问题我已经详细记录');
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect(guide).toHaveAttribute('data-stage', 'listen');
    await page.keyboard.press('Alt+KeyG');
    await expect(guide).toHaveAttribute('data-stage', 'resolve');

    // The normal registration form, from the keyboard, with the expected answers.
    await page.keyboard.press('Alt+KeyR');
    await expect(page.getByTestId('field-callerName')).toBeFocused();
    await typeInto(page, '刘女士');
    await page.keyboard.press('Tab');
    await typeInto(page, '13953912345');
    await page.keyboard.press('Tab');
    await choosePath(page, '金雀山', '兰山区 / 金雀山街道');
    await page.keyboard.press('Tab');
    await typeInto(page, '沂蒙路金雀花园小区3号楼');
    await page.keyboard.press('Tab');
    await choose(page, '投诉');
    await page.keyboard.press('Tab');
    await choosePath(page, '餐饮油烟', '城市管理 / 餐饮油烟');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('field-description')).toBeFocused();
    await typeInto(page, '来电人反映楼下临街炒菜馆排烟管道正对三楼住户窗户，油烟扰民一个多月，要求处理。');

    // Alt+B: the lead department of the transfer; Ctrl+Enter saves as in the form.
    await page.keyboard.press('Alt+KeyB');
    await expect(page.getByTestId('practice-lead').locator('input')).toBeFocused();
    await choose(page, '兰山区人民政府');
    await page.keyboard.press('Control+Enter');

    const score = page.getByTestId('practice-score');
    await expect(score).toHaveAttribute('data-score', '100');
    await expect(score).toContainText('得分 100（5 / 5 项正确）');
    await expect(page.getByTestId('practice-item')).toHaveCount(5);
    await expect(page.locator('[data-testid="practice-item"][data-correct="false"]')).toHaveCount(0);
    await expect(panel).toContainText('按就近定责转兰山区人民政府');
    await expect(guide).toHaveAttribute('data-stage', 'close');

    // Nothing became a real ticket: the local store has none; the one entry waiting is the practice result for the hub's placement record.
    await expect(page.getByTestId('sync-state')).toContainText('待发送 1 条');
    expect(await callDesk(page, 'listTickets', { limit: 10 })).toEqual({ ok: true, value: [] });
    await expect(page.getByTestId('ticket-result')).toHaveCount(0);

    // Ending practice gives the operator's draft back.
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('field-callerName')).toHaveValue('赵女士');

    // The placement record keeps the result across a reload.
    await page.reload();
    await expect(page.getByTestId('status-bar')).toBeVisible();
    await expect(page.getByTestId('field-callerName')).toHaveValue('赵女士');
    await page.keyboard.press('Alt+KeyO');
    const records = page.locator('.training-records');
    await expect(records).toContainText('实训记录');
    await expect(records.getByTestId('training-record')).toHaveCount(1);
    await expect(records.getByTestId('training-record')).toContainText('临街饭店油烟扰民');
    await expect(records.getByTestId('training-record')).toHaveAttribute('data-score', '100');
    await expect(records.getByTestId('training-average')).toContainText('100');
    expect(await callDesk(page, 'listTickets', { limit: 10 })).toEqual({ ok: true, value: [] });
  });

  test('turns the stage guide on for anyone by shortcut and follows it by hand', async ({ page }) => {
    await expect(page.getByTestId('stage-guide')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+KeyG');
    const guide = page.getByTestId('stage-guide');
    await expect(guide).toHaveAttribute('data-stage', 'idle');
    await expect(guide).toContainText('等待来电');
    await expect(page.locator('html')).toHaveAttribute('data-training', 'on');
    await page.keyboard.press('Alt+KeyG');
    await expect(guide).toHaveAttribute('data-stage', 'greeting');
    // A setting: still on after a reload.
    await page.reload();
    await expect(page.getByTestId('stage-guide')).toBeVisible();
    await page.keyboard.press('Control+Shift+KeyG');
    await expect(page.getByTestId('stage-guide')).toHaveCount(0);

    // The shortcuts are in the F1 help.
    await page.keyboard.press('F1');
    const help = page.locator('.shortcut-help');
    await expect(help).toContainText('开始练习（下一个模拟来电）');
    await expect(help).toContainText('Alt + P');
  });
});

/**
 * The placement record (实习档案): a trainee's practice at a desk signed in to
 * the hub reaches the hub with the queue, and the supervisor, signed in on the
 * same desk at the next shift, reads it with Alt+8.
 */
test.describe('placement record at the hub', () => {
  test.describe.configure({ timeout: 180_000 });

  let hub: RunningHub;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    hub = await startHub('pglite');
  });
  test.afterAll(async () => {
    await hub.close();
  });

  const signIn = (page: Page, username: string): Promise<void> => signInToHub(page, hub.url, username);

  test('a trainee’s practice scores show up in the supervisor’s placement record', async ({ page }) => {
    await signIn(page, 'trainee01');
    // Two practice calls scored by the services, as the practice form submits them (the keyboard run is the test above): 100 and 80.
    const answer = { requestType: '投诉', category: ['城市管理', '餐饮油烟'], lead: 'lanshan-gov' };
    const startedAt = new Date(Date.now() - 120_000).toISOString();
    expect(await callDesk(page, 'recordPracticeResult', { scenarioId: 'S-01', answer, startedAt })).toMatchObject({ ok: true, value: { score: 100 } });
    expect(await callDesk(page, 'recordPracticeResult', { scenarioId: 'S-01', answer: { ...answer, lead: 'city-urban' }, startedAt })).toMatchObject({ ok: true, value: { score: 80 } });
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByTestId('sync-state')).toContainText('全部已发送');
    await expect.poll(async () => (await hub.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM practice_results WHERE author = 'trainee01'`))[0]?.n).toBe(2);

    // Shift change: the trainee signs out; the supervisor signs in on the same desk.
    await page.keyboard.press('Alt+KeyQ');
    await page.getByTestId('hub-sign-out-without-note').click();
    await expect(page.getByTestId('hub-session')).toHaveAttribute('data-state', 'signed_out');
    await signIn(page, 'sup01');

    // Alt+8: 实习档案, the first trainee chosen, the focus on the picker.
    await page.keyboard.press('Alt+Digit8');
    const panel = page.getByTestId('placement-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('placement-trainee').locator('input')).toBeFocused();
    await expect(page.getByTestId('placement-trainee')).toContainText('陈学员（trainee01 · 一组）');
    await expect(page.getByTestId('placement-total-practice')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('placement-total-average')).toHaveAttribute('data-value', '90');
    await expect(page.getByTestId('placement-total-tickets')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('placement-summary')).toContainText('共练习 2 次，平均 90 分，1 天有练习');
    await expect(page.getByTestId('placement-chart').locator('canvas')).toHaveCount(1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const row = page.locator(`[data-testid="placement-day"][data-day="${today}"]`);
    await expect(row).toHaveCount(1);
    await expect(page.getByTestId('placement-day')).toHaveCount(1);
    await expect(row).toContainText('90');
    await page.screenshot({ path: 'test-results/placement-record.png' });

    // Tab to the ranges, then 2: this calendar month.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Digit2');
    await expect(page.getByTestId('placement-range-thisMonth')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('placement-range')).toContainText(`${today.slice(0, 8)}01 至`);

    // The shortcuts are in the F1 help.
    await page.keyboard.press('F1');
    const help = page.locator('.shortcut-help');
    await expect(help).toContainText('右侧切换到实习档案，选择学员（班长）');
    await expect(help).toContainText('Alt + 8');
    await expect(help).toContainText('班次小结（本班通话、工单、待交接事项）');
  });
});
