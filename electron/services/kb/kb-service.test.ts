import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/kb/article';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { KbService } from './kb-service';
import { checkSavedEntries } from './kb-saved-index';
import { deskApiContract } from '../../../shared/desk-api';

const resources = path.resolve(import.meta.dirname, '../../../resources');

function open(file: string, warn?: (message: string, error: unknown) => void): { kb: KbService; close: () => void } {
  const db = openDatabase(file);
  const kb = new KbService(db, resources, warn);
  return {
    kb,
    close: () => {
      kb.close();
      closeDatabase(db);
    },
  };
}

const article = (overrides: Partial<Article> = {}): Article => ({
  id: 'KB-9001',
  title: '外卖骑手闯红灯投诉渠道',
  category: ['交通出行', '外卖骑手'],
  keywords: ['外卖骑手', '闯红灯'],
  department: '临沂市公安局交通警察支队',
  scope: '全市',
  body: '【受理】外卖骑手闯红灯可向交警和配送平台反映。',
  updated_at: '2026-11-01',
  status: '有效',
  ...overrides,
});

// Several tests wait for the worker thread's full index build, which takes tens of seconds on a loaded 2-core machine.
describe('knowledge base replica', { timeout: 90_000 }, () => {
  it('is seeded from the shipped articles once and searchable after a restart', async () => {
    const file = path.join(tempDir(), 'desk.sqlite3');
    const first = open(file);
    const hits = await first.kb.search({ query: '公积金 租房 提取' });
    expect(hits.length).toBeGreaterThan(0);
    first.close();
    const second = open(file);
    expect((await second.kb.search({ query: '公积金 租房 提取' })).map((h) => h.id)).toEqual(hits.map((h) => h.id));
    expect(second.kb.getArticle(hits[0]!.id).title).toBe(hits[0]!.title);
    second.close();
  });

  it('applies a change batch from the hub: new articles are found, expired ones drop behind, old batches are ignored', async () => {
    const { kb, close } = open(path.join(tempDir(), 'desk.sqlite3'));
    expect((await kb.search({ query: '外卖骑手闯红灯' })).some((h) => h.id === 'KB-9001')).toBe(false);
    expect(kb.applyArticleChanges({ version: 5, upserts: [article()] })).toBe(true);
    await kb.whenCurrent();
    expect((await kb.search({ query: '外卖骑手闯红灯' }))[0]?.id).toBe('KB-9001');
    expect(kb.applyArticleChanges({ version: 5, upserts: [article({ title: '旧批次' })] })).toBe(false);
    expect(kb.getArticle('KB-9001').title).toBe('外卖骑手闯红灯投诉渠道');
    kb.applyArticleChanges({ version: 6, upserts: [article({ status: '已失效' }), article({ id: 'KB-9002', title: '外卖骑手闯红灯处理新规' })] });
    await kb.whenCurrent();
    const hits = await kb.search({ query: '外卖骑手闯红灯' });
    expect(hits[0]?.id).toBe('KB-9002');
    expect(hits.find((h) => h.id === 'KB-9001')?.status).toBe('已失效');
    close();
  });

  it('refuses a batch with an invalid article and changes nothing', () => {
    const { kb, close } = open(path.join(tempDir(), 'desk.sqlite3'));
    const bad = { ...article({ id: 'KB-9003' }), status: '草稿' } as unknown as Article;
    expect(() => kb.applyArticleChanges({ version: 7, upserts: [article({ id: 'KB-9004' }), bad] })).toThrow();
    expect(() => kb.getArticle('KB-9004')).toThrow(/no article/);
    expect(kb.applyArticleChanges({ version: 7, upserts: [article({ id: 'KB-9004' })] })).toBe(true);
    close();
  });

  it('keeps feedback for an existing article and refuses it for an unknown one', async () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    const kb = new KbService(db, resources);
    const id = (await kb.search({ query: '公积金' }))[0]!.id;
    expect(kb.recordFeedback({ articleId: id, verdict: 'outdated', comment: '额度已调整' }, 'A-017').id).toBe(1);
    expect(() => kb.recordFeedback({ articleId: 'KB-NOPE', verdict: 'wrong', comment: '' }, 'A-017')).toThrow(/no article/);
    expect(db.prepare('SELECT article_id, verdict, author, sent_at FROM kb_feedback').all()).toEqual([{ article_id: id, verdict: 'outdated', author: 'A-017', sent_at: null }]);
    kb.close();
    closeDatabase(db);
  });

  it('accepts a 10,000-character query through the contract (a paste is not an error)', () => {
    expect(deskApiContract.kbSearch.input.safeParse({ query: '医'.repeat(10_000) }).success).toBe(true);
  });

  it('uses the centre’s learned expansions once they arrive, ignoring an older version, and keeps them after new articles', async () => {
    const { kb, close } = open(path.join(tempDir(), 'desk.sqlite3'));
    const target = (await kb.search({ query: '法律援助' }))[0]!.id;
    expect((await kb.search({ query: '撑腰' })).map((h) => h.id)).not.toContain(target);
    expect(kb.applyLearnedExpansions({ version: 2, keys: { 'w:撑腰': [[target, 6]] } })).toBe(true);
    expect((await kb.search({ query: '撑腰' })).find((h) => h.id === target)?.learned).toBe(true);
    expect(kb.applyLearnedExpansions({ version: 1, keys: {} })).toBe(false);
    kb.applyArticleChanges({ version: 9, upserts: [article({ id: 'KB-9009' })] });
    await kb.whenCurrent();
    expect((await kb.search({ query: '撑腰' })).map((h) => h.id)).toContain(target);
    close();
  });

  it('answers from the saved index at once after a start and during a rebuild, and finds the new articles once the rebuild ends', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'desk.sqlite3');
    const first = open(file);
    const before = await first.kb.search({ query: '公积金 租房 提取' });
    await first.kb.whenCurrent();
    first.close();
    const saved = fs.readdirSync(path.join(dir, 'kb-index'));
    expect(saved).toEqual([expect.stringMatching(/^kb-index-[0-9a-f]{16}\.bin$/) as unknown]);

    // After a restart the saved index answers before the worker has even checked it against the replica.
    const second = open(file);
    second.kb.start();
    const order: string[] = [];
    const checked = second.kb.whenCurrent().then(() => order.push('checked'));
    const answered = second.kb.search({ query: '公积金 租房 提取' }).then((hits) => {
      order.push('answered');
      return hits;
    });
    expect((await answered).map((h) => h.id)).toEqual(before.map((h) => h.id));
    await checked;
    expect(order).toEqual(['answered', 'checked']);
    // Unchanged articles: the saved index is kept, not rebuilt.
    expect(fs.readdirSync(path.join(dir, 'kb-index'))).toEqual(saved);

    // A change batch: the old index keeps answering while the worker builds the new one.
    second.kb.applyArticleChanges({ version: 3, upserts: [article()] });
    const during = await second.kb.search({ query: '公积金 租房 提取' });
    expect(during.map((h) => h.id)).toEqual(before.map((h) => h.id));
    expect((await second.kb.search({ query: '外卖骑手闯红灯' })).some((h) => h.id === 'KB-9001')).toBe(false);
    await second.kb.whenCurrent();
    expect((await second.kb.search({ query: '外卖骑手闯红灯' }))[0]?.id).toBe('KB-9001');
    const rebuilt = fs.readdirSync(path.join(dir, 'kb-index'));
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt).not.toEqual(saved);
    second.close();
  }, 90_000);

  it('rebuilds a damaged saved index and says so, still answering', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'desk.sqlite3');
    const first = open(file);
    await first.kb.whenCurrent();
    first.close();
    const [name] = fs.readdirSync(path.join(dir, 'kb-index'));
    fs.writeFileSync(path.join(dir, 'kb-index', name!), 'not an index');
    const warnings: string[] = [];
    const second = open(file, (message) => warnings.push(message));
    expect((await second.kb.search({ query: '公积金 租房 提取' })).length).toBeGreaterThan(0);
    expect(warnings.some((w) => w.includes('could not be opened'))).toBe(true);
    second.close();
  });

  it('rebuilds a saved index whose entries are damaged (found by the worker) and then answers from the rebuilt one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'desk.sqlite3');
    const first = open(file);
    await first.kb.whenCurrent();
    const before = await first.kb.search({ query: '公积金 租房 提取' });
    first.close();
    const [name] = fs.readdirSync(path.join(dir, 'kb-index'));
    const saved = path.join(dir, 'kb-index', name!);
    const bytes = fs.readFileSync(saved);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    fs.writeFileSync(saved, bytes);
    expect(checkSavedEntries(saved)).toBe(false);

    const second = open(file);
    await second.kb.whenCurrent();
    expect(checkSavedEntries(saved)).toBe(true);
    expect((await second.kb.search({ query: '公积金 租房 提取' })).map((h) => h.id)).toEqual(before.map((h) => h.id));
    second.close();
  }, 90_000);
});
