import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LearnedDispatchModel } from '../../../shared/dispatch/learned-model';
import type { LearnedSnapshot } from '../../../shared/hub/learned';
import { LEARNED_SNAPSHOT_MAX_BYTES } from '../../../shared/hub/learned';
import { LearnedExpansions } from '../../../shared/kb/learned-expansions';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { DispatchService } from '../dispatch/dispatch-service';
import { jiebaSegmenter } from '../dispatch/jieba-segmenter';
import { KbService } from '../kb/kb-service';
import { learningKeys } from '../kb/text-analysis';
import { LearnedReplica, LearnedSnapshotRefused } from './learned-replica';

const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
const text = '来电人反映小区门口的共享单车堆成一片，把盲道全压住了。';

function open(dir: string) {
  const db = openDatabase(path.join(dir, 'desk.sqlite3'));
  const dispatch = new DispatchService(db, resourcesDir);
  const kb = new KbService(db, resourcesDir);
  const replica = new LearnedReplica(db, { dispatch, kb });
  replica.load();
  return { db, dispatch, kb, replica, close: () => { kb.close(); closeDatabase(db); } };
}

function trainedSnapshot(version: number): LearnedSnapshot {
  const model = new LearnedDispatchModel(jiebaSegmenter());
  for (let i = 0; i < 4; i++) model.learnAccepted(text, 'city-urban');
  const expansions = new LearnedExpansions(learningKeys);
  expansions.record({ query: '单车压盲道', articleId: 'KB-0001', kind: 'helpful' });
  return {
    version,
    trainedAt: '2026-12-06T01:00:00.000Z',
    evidence: { accepted: 4, returned: 0, kbUses: 1 },
    dispatch: model.snapshot(version),
    kb: expansions.snapshot(version),
  };
}

const learnedShare = (service: DispatchService): number | undefined => service.suggest({ text, district: '兰山区' }).find((s) => s.departmentId === 'city-urban')?.reasons.learned;

describe('the desk’s learned snapshot replica', () => {
  it('applies a snapshot, keeps it across a restart, and ignores one no newer', () => {
    const dir = tempDir();
    const first = open(dir);
    expect(first.replica.status()).toEqual({ version: 0, trainedAt: null, refused: null });
    expect(learnedShare(first.dispatch)).toBeUndefined();
    expect(first.replica.accept(trainedSnapshot(3))).toBe(true);
    expect(learnedShare(first.dispatch)).toBeGreaterThan(0.5);
    expect(first.kb.learnedVersion()).toBe(3);
    expect(first.replica.accept(trainedSnapshot(2))).toBe(false);
    first.close();

    const second = open(dir);
    expect(second.replica.status()).toMatchObject({ version: 3, trainedAt: '2026-12-06T01:00:00.000Z' });
    expect(learnedShare(second.dispatch)).toBeGreaterThan(0.5);
    expect(second.kb.learnedVersion()).toBe(3);
    second.close();
  });

  it('leaves a kept snapshot that no longer reads unused at the next start, and says so', () => {
    const dir = tempDir();
    const first = open(dir);
    first.replica.accept(trainedSnapshot(4));
    first.db.prepare(`UPDATE learned_snapshot SET doc = json_set(doc, '$.dispatch.version', 9)`).run();
    first.close();
    const db = openDatabase(path.join(dir, 'desk.sqlite3'));
    const dispatch = new DispatchService(db, resourcesDir);
    const warnings: string[] = [];
    const replica = new LearnedReplica(db, { dispatch, kb: new KbService(db, resourcesDir) }, (message) => warnings.push(message));
    replica.load();
    expect(replica.version()).toBe(0);
    expect(warnings).toEqual([expect.stringContaining('kept learned snapshot does not read')]);
    expect(learnedShare(dispatch)).toBeUndefined();
    closeDatabase(db);
  });

  it('refuses a malformed or oversized snapshot with its reason, and keeps the one in use', () => {
    const dir = tempDir();
    const desk = open(dir);
    desk.replica.accept(trainedSnapshot(1));
    const share = learnedShare(desk.dispatch);

    const malformed = { ...trainedSnapshot(2), dispatch: { ...trainedSnapshot(2).dispatch, weights: { 'w:单车': [['city-urban', 'heavy']] } } };
    expect(() => desk.replica.accept(malformed)).toThrow(/does not match the contract at dispatch\.weights/);
    expect(desk.replica.status()).toMatchObject({ version: 1, refused: { reason: 'MALFORMED' } });
    const mismatched = { ...trainedSnapshot(2), kb: trainedSnapshot(5).kb };
    expect(() => desk.replica.accept(mismatched)).toThrow(LearnedSnapshotRefused);

    const huge = trainedSnapshot(2);
    const pairs: [string, number][] = Array.from({ length: 200 }, (_, i) => [`dept-${String(i).padStart(4, '0')}-xxxxxxxxxxxxxxxxxx`, 0.1234]);
    for (let f = 0; Buffer.byteLength(JSON.stringify(huge)) <= LEARNED_SNAPSHOT_MAX_BYTES; f++) {
      for (let g = 0; g < 200; g++) huge.dispatch.weights[`b:${String(f)}-${String(g)}`] = pairs;
    }
    expect(() => desk.replica.accept(huge)).toThrow(/over 8388608 bytes/);
    expect(desk.replica.status()).toMatchObject({ version: 1, refused: { reason: 'TOO_LARGE' } });

    expect(learnedShare(desk.dispatch)).toBe(share);
    expect(desk.db.prepare('SELECT version FROM learned_snapshot').all()).toEqual([{ version: 1 }]);
    // The next good one is taken and the refusal cleared.
    expect(desk.replica.accept(trainedSnapshot(2))).toBe(true);
    expect(desk.replica.status()).toMatchObject({ version: 2, refused: null });
    desk.close();
  });
});
