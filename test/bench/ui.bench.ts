import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';
import { startBuiltWebHost } from '../support/web-host';
import type { BenchArea, BenchRow } from './bench-area';
import { median } from './bench-area';

const COLD_LOADS = 5;

/** Size of what the browser downloads to show the workbench (JS and CSS, without source maps). */
function bundleSizes(): { raw: number; gzip: number } {
  const dir = path.resolve('dist/renderer/assets');
  let raw = 0;
  let gzip = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const bytes = fs.readFileSync(path.join(dir, name));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes).length;
  }
  return { raw, gzip };
}

export const uiBench: BenchArea = {
  name: 'ui',
  description: `workbench first render in Chromium (median of ${COLD_LOADS} cold loads) and bundle size`,
  async run(): Promise<BenchRow[]> {
    const host = await startBuiltWebHost();
    const browser = await chromium.launch(chromiumLaunchOptions);
    const times: number[] = [];
    const complete: number[] = [];
    const initialJs: number[] = [];
    try {
      for (let i = 0; i < COLD_LOADS; i++) {
        // A fresh context per load: empty HTTP cache, no storage, as after a desk reboot.
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(host.url);
        await page.waitForFunction(() => performance.getEntriesByName('desk:first-render').length > 0, null, { timeout: 30_000 });
        const load = await page.evaluate(() => {
          const painted = performance.getEntriesByName('desk:first-render')[0]?.startTime ?? Number.NaN;
          // Scripts asked for before the workbench painted (entry, preloaded and imported chunks), uncompressed.
          const scripts = performance
            .getEntriesByType('resource')
            .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && new URL(e.name).pathname.endsWith('.js') && e.startTime < painted);
          return { painted, jsBytes: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0) };
        });
        // The ticket forms come in a chunk asked for right after that first render: measured too, so the time they
        // take is not hidden by the first figure.
        await page.waitForFunction(() => performance.getEntriesByName('desk:workbench-complete').length > 0, null, { timeout: 30_000 });
        complete.push(await page.evaluate(() => performance.getEntriesByName('desk:workbench-complete')[0]?.startTime ?? Number.NaN));
        times.push(load.painted);
        initialJs.push(load.jsBytes);
        await context.close();
      }
    } finally {
      await browser.close();
      await host.stop();
    }
    const size = bundleSizes();
    return [
      {
        key: 'ui.first_render_ms',
        value: median(times),
        unit: 'ms',
        note: `navigation start → workbench rendered with settings (phone bar, screen pop, knowledge search, status bar; the ticket forms' place held); loads: ${times.map((t) => t.toFixed(0)).join(', ')}`,
      },
      {
        key: 'ui.workbench_complete_ms',
        value: median(complete),
        unit: 'ms',
        note: `navigation start → the ticket forms rendered and listening (their chunk is asked for after the first render); loads: ${complete.map((t) => t.toFixed(0)).join(', ')}`,
      },
      {
        key: 'ui.initial_js_kb',
        value: median(initialJs) / 1024,
        unit: 'KiB',
        note: 'JavaScript fetched before the workbench first renders (uncompressed; the ticket forms, supervision, training, board and charts come later as lazy chunks); target ≤ 800',
      },
      { key: 'ui.bundle_kb', value: size.raw / 1024, unit: 'KiB', note: 'JS + CSS, minified, before compression' },
      { key: 'ui.bundle_gzip_kb', value: size.gzip / 1024, unit: 'KiB', note: 'the same, gzip -6' },
    ];
  },
};
