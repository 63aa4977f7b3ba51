import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/support/chromium';

/**
 * End-to-end tests drive the built renderer, served with the real local
 * services by the web host, in Debian's Chromium (no browser is downloaded).
 * Each test starts its own web host with an empty data dir (see fixtures).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Generous: the CI machines are shared, and a whole register-transfer-callback flow typed key by key can take a minute under load.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry: these machines are shared, and a timing-sensitive step (a 3 s after-call countdown, a hub start) can miss under load; a real failure fails twice.
  retries: 1,
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1600, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
