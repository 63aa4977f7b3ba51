// Renders resources/icon.svg to the PNG sizes electron-builder and Linux desktops use.
// Run: tsx scripts/render-icon.ts (needs Debian's Chromium).
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/support/chromium';

const svg = fs.readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
for (const size of [512, 256]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: size === 512 ? 'resources/icon.png' : `resources/icons/${size}x${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
