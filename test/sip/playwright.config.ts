import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';

/**
 * The softphone against real SIP software: Kamailio (WS), rtpengine and sipp
 * from Debian, the built workbench in Debian's Chromium with fake media
 * devices. `npm run build` first; see support/sip-rig.ts for the packages.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/sip',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry: these machines are shared, and a timing-sensitive step (a 3 s after-call countdown, a hub start) can miss under load; a real failure fails twice.
  retries: 1,
  reporter: [['list']],
  use: {
    // Audio plays without a click, as on the desk (Electron sets the same switch): a received audio level
    // is only measured while the audio plays out.
    launchOptions: { ...chromiumLaunchOptions, args: [...(chromiumLaunchOptions.args ?? []), '--autoplay-policy=no-user-gesture-required'] },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
