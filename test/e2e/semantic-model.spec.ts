import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeTinyEmbeddingModel } from '../support/tiny-embedding-model';
import { expect, test } from './fixtures';

const WIDTH = 64;
/** Callers' words the tiny model reads as the official ones (娃 as 子, 念 as 入, 书 as 学): its idea of meaning. */
const sameAs: Record<string, string> = { 娃: '子', 念: '入', 书: '学' };

/** A pseudo-random direction per character (from its hash): the tiny model compares texts by their characters. */
function rowOf(token: string): number[] {
  if (token.startsWith('[')) return new Array<number>(WIDTH).fill(0);
  const digest = createHash('sha256').update(sameAs[token] ?? token).digest();
  return Array.from({ length: WIDTH }, (_, i) => ((digest[i % 32] ?? 0) ^ (i * 37)) / 128 - 1);
}

/**
 * The optional semantic model end to end, on the real local services and the shipped knowledge base: the
 * operator's dialog sets the folder, the services load the model with onnxruntime, compute every article's
 * vector and fuse the model's ranking with the lexical one. The model is a tiny one the test builds (its
 * ranking is a stand-in; what a real model finds cannot be measured here).
 */
/** The tiny model, with every character of the shipped articles in its vocabulary. */
function writeModel(folder: string): void {
  const articles = fs.readFileSync(path.resolve('resources/data/kb/articles.jsonl'), 'utf8');
  writeTinyEmbeddingModel(folder, { characters: new Set([...Array.from(articles), ...Object.keys(sameAs)]), rowOf });
}

test.describe('semantic model', () => {
  test('set in its dialog, it loads and then finds articles the words alone cannot, tagged as found by meaning', async ({ page }) => {
    const folder = test.info().outputPath('semantic-model');
    writeModel(folder);

    const search = page.getByTestId('knowledge-search').locator('input');
    const hits = page.getByTestId('kb-hit');
    await search.fill('娃念书');
    // By words, none of the shipped articles has any of these.
    await expect(page.getByTestId('knowledge-pane')).toContainText('没有找到相关知识');

    await page.keyboard.press('Alt+Shift+KeyI');
    const dialog = page.getByRole('dialog', { name: '语义模型（可选）' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('semantic-model-state')).toHaveText('未启用：只按字词检索');
    await dialog.getByTestId('semantic-model-folder').fill(folder);
    await dialog.getByTestId('semantic-model-save').click();
    await expect(dialog.getByTestId('semantic-model-state')).toContainText(/语义模型已启用：\d+ 篇文章，64 维向量/u, { timeout: 30_000 });
    await page.keyboard.press('Escape');

    await search.fill('');
    await search.fill('娃念书');
    // Articles the words alone never found, each tagged as found by meaning (which ones is the tiny model's business).
    await expect(hits.first()).toBeVisible();
    const count = await hits.count();
    await expect(hits.filter({ has: page.getByTestId('kb-semantic') })).toHaveCount(count);
    await expect(hits.first().getByTestId('kb-semantic')).toHaveText('语义相近');
  });

  test('a folder without a model is refused with the reason, search goes on by words, and saving again once it is installed loads it', async ({ page }) => {
    const folder = test.info().outputPath('not-installed-yet');
    await page.keyboard.press('Alt+Shift+KeyI');
    const dialog = page.getByRole('dialog', { name: '语义模型（可选）' });
    await dialog.getByTestId('semantic-model-folder').fill(folder);
    await dialog.getByTestId('semantic-model-save').click();
    await expect(dialog.getByTestId('semantic-model-state')).toHaveText('语义模型无法使用：文件夹中没有 model.onnx。知识检索照常按字词进行。');
    await page.keyboard.press('Escape');
    const line = page.getByTestId('kb-semantic-line');
    await expect(line).toContainText('文件夹中没有 model.onnx');

    await page.getByTestId('knowledge-search').locator('input').fill('公积金 租房 提取');
    await expect(page.getByTestId('kb-hit').first()).toBeVisible();

    // The engineer copies the model in and saves the same folder again.
    writeModel(folder);
    await line.getByRole('button', { name: '设置' }).click();
    await expect(dialog.getByTestId('semantic-model-folder')).toHaveValue(folder);
    await dialog.getByTestId('semantic-model-save').click();
    await expect(dialog.getByTestId('semantic-model-state')).toContainText('语义模型已启用', { timeout: 30_000 });

    // Turning it off leaves search by words alone.
    await dialog.getByTestId('semantic-model-off').click();
    await expect(dialog.getByTestId('semantic-model-state')).toHaveText('未启用：只按字词检索');
    await page.keyboard.press('Escape');
    await expect(line).toBeHidden();
  });
});
