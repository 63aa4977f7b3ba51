import { test as base, expect } from '@playwright/test';
import type { RunningWebHost } from '../support/web-host';
import { startBuiltWebHost } from '../support/web-host';

/**
 * `desk`: a web host of its own for every test (fresh database), with the page
 * opened on it and the workbench rendered (the ticket forms too). Automatic, so a test that never names
 * `desk` still starts on the workbench rather than on a blank page.
 */
export const test = base.extend<{ desk: RunningWebHost }>({
  desk: [
    async ({ page }, use) => {
      const host = await startBuiltWebHost();
      await page.goto(host.url);
      await expect(page.getByTestId('status-bar')).toBeVisible();
      // The ticket forms come in their own chunk right after the first paint: tests start on the whole workbench.
      await expect(page.getByTestId('ticket-area')).toBeVisible();
      await use(host);
      await host.stop();
    },
    { auto: true },
  ],
});

export { expect };
