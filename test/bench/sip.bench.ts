import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';
import { startDeskPhone, startPeer } from '../sip/support/desk';
import { startPeerServer } from '../sip/support/peer/peer-server';
import { startSipRig } from '../sip/support/sip-rig';
import type { BenchArea, BenchRow } from './bench-area';
import { median, percentile } from './bench-area';

const CALLS = 50;

/**
 * The desk's phone on loopback through Kamailio (no auth, like the bare rig it
 * is compared with): a sip.js page calls the workbench CALLS times.
 * - screen pop: the caller's INVITE leaves its WebSocket → the ringing number is
 *   rendered in the workbench (React commit of the screen pop); both clocks are
 *   `performance.timeOrigin + now()` of pages in one browser.
 * - answer → media: the engine's answer() → the first inbound audio bytes in getStats (polled every 5 ms).
 */
export const sipBench: BenchArea = {
  name: 'sip',
  description: `softphone: INVITE → ringing screen pop, answer → first audio (${CALLS} calls, loopback, Kamailio WS)`,
  async run(): Promise<BenchRow[]> {
    const rig = await startSipRig();
    const peers = await startPeerServer();
    const browser = await chromium.launch(chromiumLaunchOptions);
    const desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', afterCallWorkSeconds: 0 });
    const pops: number[] = [];
    const media: number[] = [];
    try {
      const caller = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: '' });
      const { page } = desk;
      await page.getByTestId('phone-state').filter({ hasText: '已注册' }).waitFor();
      for (let i = 0; i < CALLS; i++) {
        await page.evaluate(() => { performance.clearMarks(); });
        await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
        await page.waitForFunction(() => performance.getEntriesByName('phone:screen-pop').length > 0, null, { timeout: 10_000, polling: 5 });
        const popAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('phone:screen-pop')[0]?.startTime ?? Number.NaN));
        const sentAt = await caller.evaluate(() => window.peer.inviteSentAt());
        pops.push(popAt - sentAt);
        await page.keyboard.press('F6');
        media.push(
          await page.evaluate(async () => {
            for (let n = 0; n < 2_000; n++) {
              const answered = performance.getEntriesByName('phone:answer')[0];
              const stats = await window.deskPhone.stats();
              if (answered && stats && stats.bytesReceived > 0) return performance.now() - answered.startTime;
              await new Promise((r) => setTimeout(r, 5));
            }
            return Number.NaN;
          }),
        );
        await caller.evaluate(() => window.peer.hangup());
        await page.getByTestId('call-controls').waitFor({ state: 'detached' });
      }
      await caller.evaluate(() => window.peer.stop());
    } finally {
      await desk.close();
      await browser.close();
      await peers.close();
      await rig.stop();
    }
    const fmt = (values: number[]): string => `p50 ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
    return [
      { key: 'sip.screenpop_p50_ms', value: median(pops), unit: 'ms', note: `INVITE sent → ringing screen pop rendered; ${fmt(pops)}` },
      { key: 'sip.screenpop_p95_ms', value: percentile(pops, 95), unit: 'ms', note: 'target ≤ 100 ms' },
      { key: 'sip.answer_media_p50_ms', value: median(media), unit: 'ms', note: `answer → first inbound audio bytes; ${fmt(media)}` },
      { key: 'sip.answer_media_p95_ms', value: percentile(media, 95), unit: 'ms', note: 'target ≤ 150 ms' },
    ];
  },
};
