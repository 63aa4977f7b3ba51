import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import { enrolmentCode } from '../hub/support/desk-enrolment';

/**
 * After a sign-in was sent: a desk not yet enrolled at this hub is asked for
 * the admin's one-time code; an admin enrols a seat for it and the code is
 * typed in, Enter. An enrolled desk signs in at once.
 */
export async function answerEnrolmentIfAsked(page: Page, hubUrl: string): Promise<void> {
  const codeField = page.getByTestId('hub-enrolment-code');
  const signedIn = page.locator('[data-testid="hub-session"][data-state="signed_in"]');
  // The demo accounts' passwords are hashed slowly on purpose: a sign-in takes a moment on a loaded machine.
  await expect(codeField.or(signedIn).first()).toBeVisible({ timeout: 30_000 });
  if (!(await codeField.isVisible())) return;
  await expect(codeField).toBeFocused();
  const { code } = await enrolmentCode(hubUrl);
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** Signs a desk's operator in to the hub from the keyboard (Alt+L, address, account, password, Enter), as at a shift start. */
export async function signInToHub(page: Page, hubUrl: string, username: string): Promise<void> {
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByTestId('hub-sign-in-form')).toBeVisible();
  await page.getByTestId('hub-url').fill(hubUrl);
  await page.getByTestId('hub-username').fill(username);
  await page.getByTestId('hub-password').fill(DEMO_PASSWORD);
  await page.getByTestId('hub-password').press('Enter');
  await answerEnrolmentIfAsked(page, hubUrl);
  await expect(page.getByTestId('hub-session')).toHaveAttribute('data-state', 'signed_in', { timeout: 30_000 });
}
