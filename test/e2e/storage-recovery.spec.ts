import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeDamagedDeskFile } from '../support/damaged-desk-file';
import { startBuiltWebHost } from '../support/web-host';

test('a damaged local database is kept aside, the desk starts on a fresh one and says so', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-damaged-'));
  const garbage = Buffer.alloc(64 * 1024, 0x5a);
  fs.writeFileSync(path.join(dataDir, 'desk.sqlite3'), garbage);
  const host = await startBuiltWebHost({ dataDir });
  try {
    await page.goto(host.url);
    const banner = page.getByTestId('storage-recovered');
    await expect(banner).toContainText('本地数据库文件在启动时检查发现损坏');
    await expect(banner).toContainText(path.join(dataDir, 'damaged'));
    const kept = fs.readdirSync(path.join(dataDir, 'damaged')).filter((name) => name.endsWith('.sqlite3'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'damaged', kept[0]!)).equals(garbage)).toBe(true);
    // The fresh file works: a setting saved now survives a reload.
    await page.getByTestId('toggle-theme').click();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  } finally {
    await host.stop();
  }
});

test('damage found by the check after start stops the operator, and the restarted desk keeps the file aside', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-damaged-pages-'));
  writeDamagedDeskFile(dataDir);
  const first = await startBuiltWebHost({ dataDir });
  try {
    await page.goto(first.url);
    await expect(page.getByTestId('storage-failure-reason')).toContainText('本地数据库文件损坏：请重启座席程序');
  } finally {
    await first.stop();
  }
  const restarted = await startBuiltWebHost({ dataDir });
  try {
    await page.goto(restarted.url);
    await expect(page.getByTestId('storage-recovered')).toContainText(path.join(dataDir, 'damaged'));
    await expect(page.getByTestId('storage-failure-reason')).toHaveCount(0);
  } finally {
    await restarted.stop();
  }
});
