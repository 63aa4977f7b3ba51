import { sampleTransfer } from '../hub/support/hub-harness';
import { callDesk, registration } from '../support/desk-calls';
import { typeInto } from '../support/ticket-form';
import { expect, test } from './fixtures';

test('the shift summary counts every ticket the next shift must pick up, and one key opens each', async ({ page }) => {
  const first = registration({ description: '小区门口垃圾桶满了三天没人清运，气味很大。' });
  const second = registration({ description: '楼下饭店油烟直排，窗户都不敢开。' });
  const answered = registration({ description: '咨询公积金租房提取需要的材料。' });
  const transferred = registration({ description: '人行道上的井盖松动，踩上去会翻。' });
  for (const reg of [first, second, answered, transferred]) expect(await callDesk(page, 'registerTicket', { registration: reg, trainee: false })).toMatchObject({ ok: true });
  // Answered and transferred tickets are done at this desk: the next shift does not pick them up.
  expect(await callDesk(page, 'answerTicket', { ticketId: answered.id, answer: { articleId: null, answer: '携带身份证和租房合同办理。' } })).toMatchObject({ ok: true });
  expect(await callDesk(page, 'transferTicket', { ticketId: transferred.id, transfer: { ...sampleTransfer, co: [] } })).toMatchObject({ ok: true });

  // A form half typed: it must come back after the picked-up ticket is done.
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('field-callerName')).toBeFocused();
  await page.keyboard.type('赵女士');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已自动保存');

  await page.keyboard.press('Alt+Shift+KeyQ');
  await expect(page.getByTestId('shift-summary-unfinished')).toHaveAttribute('data-value', '2');
  const rows = page.getByTestId('shift-summary-unfinished-ticket');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveAttribute('data-ticket-id', String(second.id));
  await page.keyboard.press('Digit2');
  await expect(page.getByTestId('shift-summary')).toBeHidden();
  await expect(page.getByTestId('field-description')).toHaveValue(String(second.description));
  await expect(page.getByTestId('field-description')).toBeDisabled();

  // Answered directly: it leaves the list, and the half-typed form is back.
  await page.keyboard.press('Alt+KeyA');
  await expect(page.getByTestId('field-answer')).toBeFocused();
  await typeInto(page, '已告知来电人将转环保部门核查油烟直排问题。');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ticket-result')).toContainText('已直接答复办结');
  await expect(page.getByTestId('field-callerName')).toHaveValue('赵女士');
  await page.keyboard.press('Alt+Shift+KeyQ');
  await expect(page.getByTestId('shift-summary-unfinished')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('shift-summary-unfinished-ticket')).toHaveAttribute('data-ticket-id', String(first.id));
});
