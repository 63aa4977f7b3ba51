import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBuiltWebHost } from '../support/web-host';

/** A real full disk: a small tmpfs holds the data dir, and a filler file takes the rest of it. */
function mountSmallDisk(): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmdirSync(dir);
    return null;
  }
}

function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

test.describe('a full disk', () => {
  test('blocks the desk with a clear Chinese reason and keeps what was saved', async ({ page }) => {
    const disk = mountSmallDisk();
    test.skip(disk === null, 'skipped: mounting a small tmpfs needs root with mount rights, which this machine does not give');
    const mountPoint = disk!;
    const host = await startBuiltWebHost({ dataDir: path.join(mountPoint, 'data') });
    try {
      await page.goto(host.url);
      await page.getByTestId('toggle-language').click();
      await page.getByTestId('toggle-language').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

      const filler = fillDisk(mountPoint);
      await page.getByTestId('toggle-theme').click();
      const notice = page.locator('.storage-failure .ant-modal');
      await expect(notice).toContainText('本地存储写入失败，刚才的操作没有保存');
      await expect(page.getByTestId('storage-failure-reason')).toHaveText('磁盘空间已满：请清理磁盘或联系运维人员。');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

      fs.rmSync(filler);
      await notice.getByRole('button', { name: '知道了' }).click();
      await expect(notice).toBeHidden();
      await page.getByTestId('toggle-theme').click();
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    } finally {
      await host.stop();
      execFileSync('umount', [mountPoint]);
      fs.rmdirSync(mountPoint);
    }
  });
});
