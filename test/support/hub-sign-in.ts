import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';

/** Signs a desk's operator in to the hub from the keyboard (Alt+L, address, account, password, Enter), as at a shift start. */
export async function signInToHub(page: Page, hubUrl: string, username: string): Promise<void> {
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByTestId('hub-sign-in-form')).toBeVisible();
  await page.getByTestId('hub-url').fill(hubUrl);
  await page.getByTestId('hub-username').fill(username);
  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  // The demo accounts' passwords are scrypt hashes: a sign-in takes a moment on a loaded machine.
  await expect(page.getByTestId('hub-session')).toHaveAttribute('data-state', 'signed_in', { timeout: 30_000 });
}
