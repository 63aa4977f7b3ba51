import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../shared/kb/article';
import type { SemanticModelStatus } from '../../../../shared/kb/semantic-status';
import { tempDir } from '../../../../test/support/temp-dir';
import { writeTinyEmbeddingModel } from '../../../../test/support/tiny-embedding-model';
import type { DeskDatabase } from '../../db/database';
import { closeDatabase, openDatabase } from '../../db/database';
import { KbService } from '../kb-service';
import { EmbeddingModel } from './embedding-model';
import { SemanticSearch } from './semantic-search';

const resources = path.resolve(import.meta.dirname, '../../../../resources');

const article = (id: string, title: string, body: string, overrides: Partial<Article> = {}): Article => ({
  id,
  title,
  category: ['测试', '测试'],
  keywords: [],
  department: '某部门',
  scope: '全市',
  body,
  updated_at: '2026-11-01',
  status: '有效',
  ...overrides,
});

/** A small knowledge base written for these tests (not the shipped one: its index build would dominate the run). */
const articles: Article[] = [
  article('KB-S1', '适龄儿童小学入学报名', '【办理】适龄儿童小学入学报名，持户口簿和居住证明到学校或教育局招生平台登记。', { keywords: ['入学报名', '小学'] }),
  article('KB-S2', '新生儿出生登记落户', '【办理】新生儿落户，持出生医学证明和父母户口簿到户籍窗口办理。', { keywords: ['落户', '出生登记'] }),
  article('KB-S3', '夜间施工噪音扰民投诉', '【受理】夜间施工噪音扰民，记录地点和时间，转生态环境部门。', { keywords: ['噪音', '施工'] }),
  article('KB-S4', '住房公积金提取条件', '【办理】购房、租房可提取住房公积金，缴存满三个月。', { keywords: ['公积金提取'] }),
  article('KB-S5', '沂水县中小学入学划片', '【沂水县】城区中小学按学区划片入学。', { scope: '沂水县', keywords: ['划片'] }),
];

/**
 * Meanings the tiny model knows: each concept a direction, every other character none (so it only dilutes).
 * 娃 and 念书 appear in no article: only the model links them to 儿童 and 学.
 */
const concepts: Record<string, number> = { 学: 0, 念: 0, 书: 0, 校: 0, 读: 0, 娃: 1, 童: 1, 孩: 1, 儿: 1, 噪: 2, 音: 2, 吵: 2, 闹: 2, 金: 3, 钱: 3, 缴: 3, 户: 4, 落: 4 };
const rowOf = (token: string): number[] => {
  const row = [0, 0, 0, 0, 0];
  const concept = concepts[token];
  if (concept !== undefined) row[concept] = 1;
  return row;
};
const everyCharacter = new Set([...articles.flatMap((a) => Array.from(a.title + a.body + a.keywords.join(''))), ...Object.keys(concepts), ...Array.from('要了去哪弄里太晚上')]);

function tinyModel(): string {
  const folder = tempDir();
  writeTinyEmbeddingModel(folder, { characters: everyCharacter, rowOf });
  return folder;
}

/** A replica holding only `articles` (the shipped seed is skipped by giving the replica a state first). */
function replica(file: string): DeskDatabase {
  const db = openDatabase(file);
  if (!db.prepare('SELECT 1 FROM kb_replica_state').get()) {
    db.prepare(`INSERT INTO kb_replica_state (singleton, version, source, synonyms) VALUES (1, 0, 'seed', '{"version":0,"groups":[]}')`).run();
  }
  return db;
}

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function desk(): { kb: KbService; db: DeskDatabase; statuses: SemanticModelStatus[] } {
  const db = replica(':memory:');
  const statuses: SemanticModelStatus[] = [];
  const kb = new KbService(db, resources, () => undefined, (status) => statuses.push(status));
  kb.applyArticleChanges({ version: 1, upserts: articles });
  kb.start();
  cleanups.push(() => {
    kb.close();
    closeDatabase(db);
  });
  return { kb, db, statuses };
}

/** A SemanticSearch over its own replica of `upserts`, with the real model wrapped to count what it embeds. */
function searchOver(upserts: readonly Article[], onStatus?: (status: SemanticModelStatus) => void): { db: DeskDatabase; search: SemanticSearch; embedded: string[] } {
  const db = replica(':memory:');
  new KbService(db, resources).applyArticleChanges({ version: 1, upserts });
  const embedded: string[] = [];
  const search = new SemanticSearch(db, resources, onStatus, undefined, counting(embedded));
  cleanups.push(() => closeDatabase(db));
  cleanups.push(() => search.close());
  return { db, search, embedded };
}

/** Wraps the real model to count what it is asked to embed. */
function counting(embedded: string[]) {
  return async (folder: string) => {
    const model = await EmbeddingModel.load(folder);
    return {
      key: model.key,
      dimensions: model.dimensions,
      embed: (texts: readonly string[]) => {
        embedded.push(...texts);
        return model.embed(texts);
      },
      close: () => model.close(),
    };
  };
}

describe('knowledge search with the optional semantic model', () => {
  it('finds by meaning what no typed word matches, says so on the hit, and reports its progress', async () => {
    const { kb, statuses } = desk();
    const query = { query: '娃要念书了去哪弄' };
    const lexical = await kb.search(query);
    expect(lexical[0]?.id).not.toBe('KB-S1');
    expect(kb.semanticStatus()).toEqual({ state: 'off' });

    await kb.useSemanticModel(tinyModel());
    expect(kb.semanticStatus()).toEqual({ state: 'ready', articles: 5, dimensions: 5 });
    expect(statuses.map((s) => s.state)).toEqual(['loading', 'indexing', 'indexing', 'ready']);
    expect(statuses.at(-2)).toEqual({ state: 'indexing', done: 5, total: 5 });

    const fused = await kb.search(query);
    expect(fused[0]?.id).toBe('KB-S1');
    expect(fused[0]?.semantic).toBeGreaterThan(0.8);
    // None of the typed words is in it: the lexical strength stays 0, so the pane still says the match is weak.
    expect(fused[0]?.strength).toBe(0);
  });

  it('leaves out another district’s local article when the caller’s district is known', async () => {
    const { kb } = desk();
    await kb.useSemanticModel(tinyModel());
    const anywhere = await kb.search({ query: '娃念书', limit: 5 });
    expect(anywhere.find((h) => h.id === 'KB-S5')?.semantic).toBeDefined();
    const elsewhere = await kb.search({ query: '娃念书', district: '兰山区', limit: 5 });
    expect(elsewhere.find((h) => h.id === 'KB-S5')?.semantic).toBeUndefined();
  });

  it('keeps searching lexically when the model folder cannot be used, and says why', async () => {
    const { kb } = desk();
    const before = await kb.search({ query: '夜间施工噪音' });
    await kb.useSemanticModel(path.join(tempDir(), 'not-installed'));
    expect(kb.semanticStatus()).toEqual({ state: 'failed', problem: 'MODEL_MISSING' });
    expect(await kb.search({ query: '夜间施工噪音' })).toEqual(before);
    // Turning it off again is a state of its own, not a failure.
    await kb.useSemanticModel('');
    expect(kb.semanticStatus()).toEqual({ state: 'off' });
  });

  it('stays lexical, saying so, when the vectors cannot be stored (a refused write)', async () => {
    const { kb, db } = desk();
    const before = await kb.search({ query: '夜间施工噪音' });
    // What a full disk or a damaged table gives the store: every write fails.
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON kb_vectors BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    await kb.useSemanticModel(tinyModel());
    expect(kb.semanticStatus()).toEqual({ state: 'failed', problem: 'VECTORS_FAILED' });
    expect(await kb.search({ query: '夜间施工噪音' })).toEqual(before);
  });

  it('computes the vector of an edited article again after a change batch, and only that one', async () => {
    const { kb } = desk();
    await kb.useSemanticModel(tinyModel());
    kb.applyArticleChanges({ version: 2, upserts: [{ ...articles[2]!, title: '晚上吵闹扰民', body: '【受理】晚上太吵闹，记录时间。' }] });
    await waitFor(() => kb.semanticStatus().state === 'ready');
    const hits = await kb.search({ query: '太闹了', limit: 3 });
    expect(hits[0]?.id).toBe('KB-S3');
  });
});

describe('article vectors kept in the desk database', () => {
  it('are computed once: a restart with the same model reuses them and an edit recomputes only its article', async () => {
    const file = path.join(tempDir(), 'desk.sqlite3');
    const folder = tinyModel();
    const db = replica(file);
    const kb = new KbService(db, resources);
    kb.applyArticleChanges({ version: 1, upserts: articles });
    kb.close();
    const first: string[] = [];
    const search = new SemanticSearch(db, resources, undefined, undefined, counting(first));
    await search.use(folder);
    expect(first).toHaveLength(articles.length);
    await search.close();
    closeDatabase(db);

    const reopened = replica(file);
    cleanups.push(() => closeDatabase(reopened));
    const again: string[] = [];
    const statuses: SemanticModelStatus[] = [];
    const restarted = new SemanticSearch(reopened, resources, (s) => statuses.push(s), undefined, counting(again));
    cleanups.push(() => restarted.close());
    await restarted.use(folder);
    expect(again).toEqual([]);
    expect(restarted.current()).toEqual({ state: 'ready', articles: 5, dimensions: 5 });
    expect((await restarted.nearest('娃念书', null))?.[0]?.id).toBe('KB-S1');

    again.length = 0;
    reopened.prepare('UPDATE kb_articles SET doc = json_set(doc, ?, ?) WHERE id = ?').run('$.title', '住房公积金怎么取', 'KB-S4');
    await restarted.articlesChanged();
    expect(again).toHaveLength(1);
    expect(again[0]).toContain('住房公积金怎么取');
  });

  it('are recomputed for another model, and the old model’s rows go', async () => {
    const { db, search, embedded } = searchOver(articles);
    await search.use(tinyModel());
    const other = tempDir();
    writeTinyEmbeddingModel(other, { characters: everyCharacter, rowOf: (token) => [...rowOf(token).slice(1), rowOf(token)[0] ?? 0] });
    await search.use(other);
    expect(embedded).toHaveLength(articles.length * 2);
    expect(db.prepare('SELECT count(DISTINCT model_key) AS n FROM kb_vectors').get()).toEqual({ n: 1 });
  });

  it('embeds one query at a time and, of those typed meanwhile, only the newest', async () => {
    const { search, embedded } = searchOver(articles);
    await search.use(tinyModel());
    embedded.length = 0;
    // Keystrokes faster than the model: 娃, 娃念, 娃念书 while the first is still being embedded.
    const answers = await Promise.all(['娃', '娃念', '娃念书'].map((query) => search.nearest(query, null)));
    expect(embedded).toEqual(['娃', '娃念书']);
    expect(answers[1]).toBeNull();
    expect(answers[2]?.[0]?.id).toBe('KB-S1');
    // And the next query finds the model free again.
    expect(await search.nearest('吵闹', null)).not.toBeNull();
    expect(embedded).toHaveLength(3);
  });

  it('stop between batches when the model is switched off, keeping what was computed', async () => {
    const many = Array.from({ length: 40 }, (_, i) => article(`KB-M${String(i).padStart(2, '0')}`, `第${i}条学校通知`, '学校放假通知。'));
    // After the first batch is saved, the operator's settings turn the model off.
    const { db, search, embedded } = searchOver(many, (status) => {
      if (status.state === 'indexing' && status.done > 0) void search.use('');
    });
    await search.use(tinyModel());
    await waitFor(() => search.current().state === 'off');
    expect(embedded).toHaveLength(16);
    expect(db.prepare('SELECT count(*) AS n FROM kb_vectors').get()).toEqual({ n: 16 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Keeps the folder helper honest: a model folder is exactly the two files a centre installs.
it('writes a model folder of model.onnx and tokenizer.json', () => {
  expect(fs.readdirSync(tinyModel()).sort()).toEqual(['model.onnx', 'tokenizer.json']);
});
