import type { Page } from '@playwright/test';
import type { RunningHub } from '../hub/support/hub-harness';
import { changeOp, hubClient, registerOp, sampleTransfer, signIn as hubSignIn, startHub } from '../hub/support/hub-harness';
import { callDesk, registration } from '../support/desk-calls';
import { signInToHub } from '../support/hub-sign-in';
import { expect, test } from './fixtures';

/**
 * A supervisor's workbench against a real hub (PGlite, demo accounts): the
 * trainees' tickets waiting for review are returned with a comment from the
 * keyboard, early-warning alerts arrive live and are acknowledged, and the
 * caller history of an operator's desk includes every desk's tickets.
 */

// Starting a hub (migrations, seed, scrypt-hashed demo accounts) takes a while on a busy machine.
test.describe.configure({ timeout: 240_000 });

let hub: RunningHub;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  hub = await startHub('pglite');
});
test.afterAll(async () => {
  await hub.close();
});

/** Alt+L, the hub's address, the account and the password, Enter; waits until signed in. */
async function signIn(page: Page, username: string): Promise<void> {
  await signInToHub(page, hub.url, username);
}

/** Alt+Q and sign out without a handover note; waits until signed out. */
async function signOut(page: Page): Promise<void> {
  await page.keyboard.press('Alt+KeyQ');
  await page.getByTestId('hub-sign-out-without-note').click();
  await expect(page.getByTestId('hub-session')).toHaveAttribute('data-state', 'signed_out');
}

/** Pushes operations as another desk would (its own desk id and sequence). */
async function pushAs(username: string, deskId: string, operations: unknown[]): Promise<void> {
  const session = await hubSignIn(hub.url, username, deskId);
  const reply = await hubClient(hub.url)('POST', '/v1/sync/push', { deskId, operations }, session.token);
  expect(reply.status).toBe(200);
}

test('a trainee’s ticket waits in the supervisor’s review queue, is returned with a comment from the keyboard, and the comment comes back to the trainee', async ({ page }) => {
  // The trainee registers and transfers at this desk; the transfer goes to the hub for review.
  await signIn(page, 'trainee01');
  const reg = registration({ description: '学员登记：小区门口的路灯坏了一周，晚上出行不便。' });
  expect(await callDesk(page, 'registerTicket', { registration: reg, trainee: true })).toMatchObject({ ok: true });
  expect(await callDesk(page, 'transferTicket', { ticketId: reg.id, transfer: { ...sampleTransfer, co: [] } })).toMatchObject({ ok: true });
  await expect(page.getByTestId('sync-state')).toContainText('全部已发送', { timeout: 30_000 });
  await expect.poll(async () => (await hub.sql.query<{ review: string }>('SELECT review FROM tickets WHERE id = $1', [reg.id]))[0]?.review).toBe('pending');

  // A trainee sees no review tab; the shortcut says why.
  await expect(page.getByTestId('reviews-tab')).toHaveCount(0);
  await page.keyboard.press('Alt+Digit5');
  await expect(page.getByText('实训审核、预警和统计只对班长、管理员账号开放')).toBeVisible();
  await signOut(page);

  await signIn(page, 'sup01');
  await page.keyboard.press('Alt+Digit5');
  const row = page.locator(`[data-testid="review-row"][data-ticket-id="${String(reg.id)}"]`);
  await expect(row).toBeFocused({ timeout: 20_000 });
  await expect(row).toContainText(/\d{8}-\d{6}/);
  await expect(row).toContainText('学员 trainee01');
  await expect(row).toContainText('学员登记：小区门口的路灯坏了一周，晚上出行不便。');
  await expect(row).toContainText('主办 临沂市城市管理局');
  await expect(row).toContainText('时限 3 天');
  await expect(page.getByTestId('reviews-tab')).toContainText('1');

  // ↓/↑ stay within the queue; R asks for the comment, which is required.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(row).toBeFocused();
  await page.keyboard.press('KeyR');
  const comment = page.getByTestId('review-comment');
  await expect(comment).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('请填写退回意见')).toBeVisible();
  await page.keyboard.type('地址不全，请补充到门牌号后再转办。');
  await page.screenshot({ path: 'test-results/supervision-return.png' });
  await page.keyboard.press('Control+Enter');

  await expect(page.getByText(/已退回 \d{8}-\d{6}/)).toBeVisible();
  await expect(comment).toBeHidden();
  await expect(page.getByTestId('review-row')).toHaveCount(0);
  await expect(page.getByTestId('review-panel')).toContainText('没有待审核的学员工单');
  const [decided] = await hub.sql.query<{ review: string; review_comment: string | null }>('SELECT review, review_comment FROM tickets WHERE id = $1', [reg.id]);
  expect(decided).toEqual({ review: 'rejected', review_comment: '地址不全，请补充到门牌号后再转办。' });
  await signOut(page);

  // Back at the desk, the trainee finds the ticket sent back, with the supervisor's comment.
  await signIn(page, 'trainee01');
  await page.keyboard.press('Alt+Digit4');
  const returned = page.locator('[data-testid="hub-ticket"][data-status="review_returned"]');
  await expect(returned).toHaveCount(1, { timeout: 30_000 });
  await expect(returned.getByTestId('review')).toHaveText('班长审核退回：地址不全，请补充到门牌号后再转办。');
});

test('a burst of tickets raises an alert that appears without a reload, and acknowledging it removes it', async ({ page }) => {
  await signIn(page, 'sup01');
  await page.keyboard.press('Alt+Digit6');
  const panel = page.getByTestId('alerts-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('alerts-count')).toBeVisible();
  const burst = panel.locator('[data-testid="alert-row"][data-kind="burst"]');
  await expect(burst).toHaveCount(0);
  // The desk follows the hub's live feed once signed in as a supervisor.
  await expect.poll(() => hub.hub.feed.size, { timeout: 30_000 }).toBeGreaterThan(0);

  // Six taxi complaints in one district within minutes, from another desk.
  const operations = Array.from({ length: 6 }, (_, i) =>
    registerOp(i + 1, 'op03', {
      category: ['交通运输', '出租车管理'],
      location: { district: '河东区', town: null, address: '' },
      callerNumber: `1350000000${String(i)}`,
      description: `出租车拒载第 ${String(i + 1)} 起：火车站出租车排队区司机挑客。`,
    }),
  );
  await pushAs('op03', 'desk-burst-0001', operations);

  await expect(burst).toHaveCount(1, { timeout: 30_000 });
  await expect(burst).toContainText('爆发');
  await expect(burst).toContainText('交通运输 / 出租车管理');
  await expect(burst).toContainText('河东区');
  await expect(burst).toContainText('6 件');
  await expect(panel.getByTestId('alerts-chart')).toBeVisible();
  await expect(page.getByTestId('alerts-tab')).toContainText(/\d/);

  // Keyboard: to the burst alert, Enter shows its tickets, K acknowledges it.
  await page.keyboard.press('Alt+Digit6');
  await expect(panel.getByTestId('alert-row').first()).toBeFocused();
  for (let i = 0; i < 5 && !(await burst.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(burst).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(burst.getByTestId('alert-ticket')).toHaveCount(6);
  await expect(burst.getByTestId('alert-tickets')).toContainText('火车站出租车排队区司机挑客');
  await expect(burst.getByTestId('alert-ticket').first()).toContainText(/\d{8}-\d{6}/);
  await page.screenshot({ path: 'test-results/supervision-alerts.png' });
  const id = Number(await burst.getAttribute('data-alert-id'));
  await page.keyboard.press('KeyK');
  await expect(burst).toHaveCount(0);
  const [row] = await hub.sql.query<{ acknowledged_by: string | null }>('SELECT acknowledged_by FROM alerts WHERE id = $1', [id]);
  expect(row?.acknowledged_by).toBe('sup01');
});

test('caller history at an operator’s desk includes other desks’ tickets with the department’s reply, and leaves out another desk’s confidential one', async ({ page }) => {
  const number = '13700001111';
  // Another desk's ticket, transferred and replied to by the department; and a confidential one of the same number,
  // which found by the number would tell this operator that the caller reported in confidence.
  const other = registerOp(1, 'op01', { callerNumber: number, callerName: '周先生', description: '其他座席登记：楼下餐馆油烟直排进窗户。' });
  const secret = registerOp(3, 'op01', { callerNumber: number, callerName: '周先生', confidential: true, description: '其他座席登记：举报餐馆后厨卫生问题。' });
  await pushAs('op01', 'desk-other-0001', [other, changeOp(2, 'op01', 'ticket.transfer', other.ticketId, sampleTransfer), secret]);
  const dept = await hubSignIn(hub.url, 'dept-urban');
  const call = hubClient(hub.url);
  expect((await call('POST', `/v1/tickets/${other.ticketId}/accept`, undefined, dept.token)).status).toBe(200);
  expect((await call('POST', `/v1/tickets/${other.ticketId}/reply`, { text: '已约谈餐馆加装油烟净化器。', solved: true }, dept.token)).status).toBe(200);

  // Not signed in: only this desk's tickets (none yet), and a quiet note saying so.
  await page.keyboard.press('Alt+Digit3');
  const panel = page.getByTestId('history-panel');
  await panel.getByTestId('history-number').locator('input').fill(number);
  await expect(panel.getByTestId('history-local-only')).toContainText('不含其他座席');
  await expect(panel.getByTestId('history-ticket')).toHaveCount(0);

  // Signed in, the other desk's ticket shows at once; then this desk registers one of the same number.
  await signIn(page, 'op02');
  await expect(panel.getByTestId('history-ticket')).toHaveCount(1);
  const mine = registration({ callerNumber: number, description: '本机登记：餐馆油烟问题再次来电。' });
  expect(await callDesk(page, 'registerTicket', { registration: mine, trainee: false })).toMatchObject({ ok: true });
  await expect.poll(async () => (await hub.sql.query('SELECT number FROM tickets WHERE id = $1', [mine.id])).length, { timeout: 30_000 }).toBe(1);
  await panel.getByTestId('history-number').locator('input').fill('');
  await panel.getByTestId('history-number').locator('input').fill(number);
  const rows = panel.getByTestId('history-ticket');
  await expect(rows).toHaveCount(2);
  await expect(panel.getByTestId('history-local-only')).toHaveCount(0);
  const theirs = panel.locator(`[data-testid="history-ticket"][data-ticket-id="${other.ticketId}"]`);
  await expect(theirs).toContainText(/\d{8}-\d{6}/);
  await expect(theirs).toContainText('已答复');
  await expect(panel.locator(`[data-testid="history-ticket"][data-ticket-id="${secret.ticketId}"]`)).toHaveCount(0);
  await expect(theirs).toContainText('临沂市城市管理局答复（已解决）：已约谈餐馆加装油烟净化器。');
  const own = panel.locator(`[data-testid="history-ticket"][data-ticket-id="${String(mine.id)}"]`);
  await expect(own).toContainText('本机登记：餐馆油烟问题再次来电。');
  await expect(own).toContainText(/\d{8}-\d{6}/);
  await expect(panel.getByTestId('history-summary')).toContainText('全中心近 30 天登记 2 件');
  await page.screenshot({ path: 'test-results/supervision-history.png' });
});

test('the 统计 tab charts today’s tickets with their figures in words beside each chart, and switches windows from the keyboard', async ({ page }) => {
  // Another desk: three construction-noise complaints for the environment bureau, and a question it answered itself.
  const eco = { ...sampleTransfer, lead: 'city-eco', dutyId: null };
  const noise = Array.from({ length: 3 }, (_, i) =>
    registerOp(i + 1, 'op02', { category: ['生态环境', '建筑施工噪声'], callerNumber: `1390000100${String(i)}`, description: `工地夜间施工噪声第 ${String(i + 1)} 起：凌晨还在打桩。` }),
  );
  const question = registerOp(4, 'op02', { category: ['住房保障', '公积金提取'], description: '咨询租房提取公积金需要什么材料。' });
  await pushAs('op02', 'desk-stats-0001', [
    ...noise,
    question,
    ...noise.map((op, i) => changeOp(5 + i, 'op02', 'ticket.transfer', op.ticketId, eco)),
    changeOp(8, 'op02', 'ticket.answer', question.ticketId, { articleId: null, answer: '带身份证和租房合同到公积金中心办理。' }),
  ]);
  // The bureau signs for and replies to two (a supervisor may act for it); the desk calls both back.
  const supervisor = await hubSignIn(hub.url, 'sup01');
  const call = hubClient(hub.url);
  for (const op of noise.slice(0, 2)) {
    expect((await call('POST', `/v1/tickets/${op.ticketId}/accept`, undefined, supervisor.token)).status).toBe(200);
    expect((await call('POST', `/v1/tickets/${op.ticketId}/reply`, { text: '已责令工地夜间停工。', solved: true }, supervisor.token)).status).toBe(200);
  }
  await pushAs('op02', 'desk-stats-0001', [
    changeOp(9, 'op02', 'ticket.callback', noise[0]!.ticketId, { solved: true, satisfaction: 'satisfied', comments: '' }),
    changeOp(10, 'op02', 'ticket.callback', noise[1]!.ticketId, { solved: false, satisfaction: 'dissatisfied', comments: '白天照样吵' }),
  ]);
  // Every ticket of today at the hub, whichever tests of this file ran before.
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const [today] = await hub.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE created_at >= $1', [midnight.toISOString()]);

  await signIn(page, 'sup01');
  await page.keyboard.press('Alt+Digit7');
  const panel = page.getByTestId('stats-panel');
  await expect(panel).toBeVisible();
  // The focus lands on the chosen window (today), so 1 / 2 / 3 act at once.
  await expect(panel.getByTestId('stats-window-today')).toBeFocused({ timeout: 20_000 });
  await expect(panel.getByTestId('stats-window-today')).toHaveAttribute('aria-pressed', 'true');

  const hourly = panel.getByTestId('stats-hourly-summary');
  await expect(hourly).toContainText(`今日共登记 ${String(today!.n)} 件`);
  await expect(hourly).toContainText(/直接答复 \d+ 件，转办 \d+ 件，待审核 \d+ 件，未处置 \d+ 件。最多的时段 \d\d:00–\d\d:00，\d+ 件。/);
  await expect(panel.getByTestId('stats-matters-summary')).toContainText('生态环境 / 建筑施工噪声 3 件');
  await expect(panel.getByTestId('stats-rates-summary')).toContainText('临沂市生态环境局：转办 3 件，响应率 66.7%（2/3），解决率 50.0%（1/2），满意率 50.0%（1/2）');
  // Each chart is drawn and points at its words.
  for (const id of ['stats-hourly-chart', 'stats-matters-chart', 'stats-rates-chart']) {
    const chart = panel.getByTestId(id);
    await expect(chart.locator('canvas')).toBeVisible();
    const describedBy = await chart.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy!}"]`)).toHaveClass(/stats-summary/);
  }
  await page.screenshot({ path: 'test-results/supervision-stats.png' });

  await page.keyboard.press('Digit3');
  await expect(panel.getByTestId('stats-window-week')).toHaveAttribute('aria-pressed', 'true');
  await expect(hourly).toContainText('近 7 天共登记');
  await expect(panel.getByTestId('stats-rates-summary')).toContainText('临沂市生态环境局：转办 3 件');
  await page.keyboard.press('Digit1');
  await expect(panel.getByTestId('stats-window-shift')).toHaveAttribute('aria-pressed', 'true');
  await expect(hourly).toContainText('本班');
});

test('Alt+9 opens the seat board in a window of its own for a supervisor, and the live seats reach it there', async ({ page, context }) => {
  // Not a supervisor: no button, and the shortcut says why instead of opening anything.
  await expect(page.getByTestId('open-seat-board')).toHaveCount(0);
  await page.keyboard.press('Alt+Digit9');
  await expect(page.getByText('座席监控只对班长、管理员账号开放')).toBeVisible();
  expect(context.pages()).toHaveLength(1);

  // Another desk's operator is on the wall before the board opens.
  const operator = await hubSignIn(hub.url, 'op02', 'desk-board-0001');
  const report = (state: 'ready' | 'on_call') => {
    const now = new Date().toISOString();
    return hubClient(hub.url)('PUT', '/v1/presence', { state, since: now, callStartedAt: state === 'on_call' ? now : null, reason: null, helpRequested: false, extension: '1002' }, operator.token);
  };
  expect((await report('ready')).status).toBe(200);

  await signIn(page, 'sup01');
  await expect(page.getByTestId('open-seat-board')).toBeVisible();
  // The web host has no windows of its own: the workbench opens the board as a tab (the desktop app puts it on the second screen).
  const [board] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Alt+Digit9')]);
  await board.waitForLoadState();
  expect(new URL(board.url()).search).toBe('?view=board');
  await expect(board.getByTestId('board')).toBeVisible({ timeout: 30_000 });
  const seat = board.locator('[data-testid=seat-tile][data-desk-id=desk-board-0001]');
  await expect(seat).toContainText('张话务', { timeout: 30_000 });
  await expect(seat).toHaveAttribute('data-state', 'ready');
  await expect(board.getByTestId('board-total-seats')).toContainText(/[1-9]/);

  // A change after the board opened arrives on the board's own page (liveSeats).
  expect((await report('on_call')).status).toBe(200);
  await expect(seat).toHaveAttribute('data-state', 'on_call', { timeout: 30_000 });
  await board.screenshot({ path: 'test-results/supervision-board-window.png' });

  // Closed, the header's button opens it again. The workbench learns that its tab closed a moment after the
  // tab is gone (another process); a press within that moment brings the closing tab forward instead, so the
  // test presses again until a new page opens, as an operator would.
  await board.close();
  let again: Page | null = null;
  for (let attempt = 0; attempt < 10 && !again; attempt++) {
    const opened = context.waitForEvent('page', { timeout: 3_000 }).catch(() => null);
    await page.getByTestId('open-seat-board').click();
    again = await opened;
  }
  if (!again) throw new Error('the seat board did not open again');
  await expect(again.getByTestId('board')).toBeVisible({ timeout: 30_000 });
  await expect(again.locator('[data-testid=seat-tile][data-desk-id=desk-board-0001]')).toHaveAttribute('data-state', 'on_call', { timeout: 30_000 });
});

test('an operator signed in to the hub who opens the board is told it is for supervisors, not that the hub is missing', async ({ page, desk }) => {
  await signIn(page, 'op01');
  await page.goto(`${desk.url}/?view=board`);
  await expect(page.getByTestId('board-not-supervisor')).toContainText('座席监控供班长和管理员使用');
  await expect(page.getByTestId('board-no-hub')).toHaveCount(0);
});
