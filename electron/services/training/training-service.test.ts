import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskHandlers } from '../../../shared/desk-handlers';
import { invokeDeskMethod } from '../../../shared/desk-handlers';
import type { PracticeResult, TrainingMaterial } from '../../../shared/training/practice';
import { practiceResultPayloadSchema } from '../../../shared/hub/practice';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { DeskServices } from '../desk-services';
import { createLogger } from '../logger';
import { TrainingService } from './training-service';

const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
const log = { warn: () => undefined, error: () => undefined };

/** The practice methods as the renderer calls them: validated by the contract, then run against a real database. */
describe('practice through the DeskApi', () => {
  let services: DeskServices;
  let handlers: DeskHandlers;

  beforeEach(() => {
    services = new DeskServices({ dataDir: path.join(tempDir(), 'data'), resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }) });
    handlers = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
  });
  afterEach(() => {
    services.close();
  });

  it('serves the shipped script and scenarios, with no voice files on this desk', async () => {
    const material = await invokeDeskMethod(handlers, 'getTrainingMaterial', undefined, log);
    expect(material.ok).toBe(true);
    const { script, scenarios } = (material as { value: TrainingMaterial }).value;
    expect(script?.stages.map((s) => s.title)).toEqual(['问候', '核实', '倾听', '答复或登记', '结束']);
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    expect(scenarios.find((s) => s.id === 'S-01')).toMatchObject({ audio: 'S-01.mp3', audioAvailable: false });
    expect(await invokeDeskMethod(handlers, 'getPracticeAudio', { file: 'S-01.mp3' }, log)).toEqual({ ok: true, value: null });
    expect(await invokeDeskMethod(handlers, 'getPracticeAudio', { file: '../desk.sqlite3' }, log)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('scores and keeps a result without registering a ticket, and queues it for the hub’s placement record', async () => {
    const startedAt = new Date(Date.now() - 90_000).toISOString();
    const answer = { requestType: '投诉', category: ['城市管理', '餐饮油烟'], lead: 'lanshan-gov' };
    const saved = await invokeDeskMethod(handlers, 'recordPracticeResult', { scenarioId: 'S-01', answer, startedAt }, log);
    expect(saved).toMatchObject({ ok: true, value: { scenarioId: 'S-01', scenarioTitle: '临街饭店油烟扰民', score: 100, right: 5, total: 5, startedAt, trainee: 'seat:desk' } });

    const wrong = await invokeDeskMethod(handlers, 'recordPracticeResult', { scenarioId: 'S-01', answer: { ...answer, lead: 'city-urban' }, startedAt }, log);
    expect(wrong).toMatchObject({ ok: true, value: { score: 80 } });

    const listed = await invokeDeskMethod(handlers, 'listPracticeResults', {}, log);
    expect((listed as { value: PracticeResult[] }).value.map((r) => r.score)).toEqual([80, 100]);
    expect(await invokeDeskMethod(handlers, 'listTickets', { limit: 10 }, log)).toEqual({ ok: true, value: [] });
    // Each result waits in the outbox as practice.result, carrying its own id; nothing else is queued.
    const queued = services.db.prepare<[], { kind: string; author: string; ticket_id: string; payload: string }>('SELECT kind, author, ticket_id, payload FROM outbox ORDER BY seq').all();
    expect(queued.map((e) => [e.kind, e.author])).toEqual([
      ['practice.result', 'seat:desk'],
      ['practice.result', 'seat:desk'],
    ]);
    const payload = practiceResultPayloadSchema.parse(JSON.parse(queued[0]!.payload));
    expect(payload).toMatchObject({ id: queued[0]!.ticket_id, scenarioId: 'S-01', score: 100, right: 5, total: 5, startedAt });
    expect(services.db.prepare('SELECT client_id FROM practice_results ORDER BY id').all()).toEqual(queued.map((e) => ({ client_id: e.ticket_id })));
    expect(await invokeDeskMethod(handlers, 'getSyncStatus', undefined, log)).toMatchObject({ ok: true, value: { pending: 2 } });
  });

  it('refuses an unknown scenario', async () => {
    const result = await invokeDeskMethod(handlers, 'recordPracticeResult', { scenarioId: 'S-99', answer: { requestType: null, category: [], lead: null }, startedAt: new Date().toISOString() }, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the training service', () => {
  it('keeps each trainee to their own record', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    let who = 'trainee.li';
    const service = new TrainingService(db, resourcesDir, () => who);
    const answer = { requestType: '咨询', category: ['住房公积金', '公积金提取'], lead: null };
    service.record({ scenarioId: 'S-04', answer, startedAt: new Date().toISOString() });
    who = 'trainee.wang';
    expect(service.list(50)).toEqual([]);
    who = 'trainee.li';
    expect(service.list(50)).toMatchObject([{ scenarioId: 'S-04', score: 100, total: 4 }]);
    closeDatabase(db);
  });

  it('finds a voice file shipped later, and starts without training data at all', () => {
    const dir = tempDir();
    const resources = path.join(dir, 'resources');
    fs.mkdirSync(path.join(resources, 'data', 'training', 'audio'), { recursive: true });
    for (const name of ['call-script.json', 'scenarios.json']) fs.copyFileSync(path.join(resourcesDir, 'data', 'training', name), path.join(resources, 'data', 'training', name));
    fs.writeFileSync(path.join(resources, 'data', 'training', 'audio', 'S-01.mp3'), Buffer.from([0xff, 0xfb, 0x90, 0x00]));
    const db = openDatabase(path.join(dir, 'desk.sqlite3'));
    const service = new TrainingService(db, resources, () => 'desk');
    expect(service.material().scenarios.find((s) => s.id === 'S-01')?.audioAvailable).toBe(true);
    expect(service.audio('S-01.mp3')).toEqual({ mime: 'audio/mpeg', base64: '//uQAA==' });

    const warnings: string[] = [];
    const bare = new TrainingService(db, path.join(dir, 'none'), () => 'desk', (message) => warnings.push(message));
    expect(bare.material()).toEqual({ script: null, scenarios: [] });
    expect(warnings).toHaveLength(2);
    closeDatabase(db);
  });
});
