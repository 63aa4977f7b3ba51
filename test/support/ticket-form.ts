import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Keyboard helpers for the ticket forms, shared by the ticket and the phone end-to-end tests. */

export async function typeInto(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/** Picks an option of a searchable select by typing: the first match is active, Enter takes it. */
export async function choose(page: Page, search: string): Promise<void> {
  await page.keyboard.type(search);
  await expect(page.locator('.ant-select-dropdown:visible').first()).toContainText(search);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Picks a path of a searchable cascader by typing part of it, ↓ to the first match, Enter. */
export async function choosePath(page: Page, search: string, expected: string): Promise<void> {
  await page.keyboard.type(search);
  await expect(page.locator('.ant-cascader-dropdown:visible').first()).toContainText(expected);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-cascader-dropdown:visible')).toHaveCount(0);
}

export interface Registration {
  name: string;
  /** null: keep the number the answered call put there. */
  number: string | null;
  place: [search: string, path: string];
  address: string;
  type: string;
  category: [search: string, path: string];
  description: string;
}

export async function registerByKeyboard(page: Page, fields: Registration): Promise<void> {
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('field-callerName')).toBeFocused();
  await typeInto(page, fields.name);
  await page.keyboard.press('Tab');
  if (fields.number !== null) await typeInto(page, fields.number);
  await page.keyboard.press('Tab');
  await choosePath(page, ...fields.place);
  await expect(page.getByTestId('field-location')).toContainText(fields.place[1]);
  await page.keyboard.press('Tab');
  await typeInto(page, fields.address);
  await page.keyboard.press('Tab');
  await choose(page, fields.type);
  await page.keyboard.press('Tab');
  await choosePath(page, ...fields.category);
  await expect(page.getByTestId('field-category')).toContainText(fields.category[1]);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('field-description')).toBeFocused();
  await typeInto(page, fields.description);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ticket-result')).toContainText('已登记工单');
}
