import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDutyIndex } from '../../../shared/dispatch/duty-index';
import { LearnedDispatchModel, learnedModelSnapshotSchema } from '../../../shared/dispatch/learned-model';
import { suggestDispatch } from '../../../shared/dispatch/suggest';
import { replayDispatchShifts } from '../../../scripts/eval/replay';
import { readRegions } from './dispatch-service';
import { readSeed } from './duty-replica';
import { jiebaSegmenter } from './jieba-segmenter';

// Simulated shifts from the held-out tickets (fold A replayed, fold B never trained on): scripts/eval/replay.ts.
const resources = path.resolve(import.meta.dirname, '../../../resources');
const seed = readSeed(resources);
const regions = readRegions(resources);
const segment = jiebaSegmenter();
const replay = replayDispatchShifts();

describe('learning from the centre’s dispatches (replayed shifts)', () => {
  it('learns leads for tickets it never saw, far above chance', () => {
    expect(replay.model.accepted).toBe(replay.shifts);
    expect(replay.unseen).toBeGreaterThan(100);
    expect(replay.modelAloneTop1).toBeGreaterThan(0.2); // chance: 1 in ~90 departments
  });

  it('raises accuracy on the never-trained part where the list lacks the callers’ words, and keeps the full list’s', () => {
    const { before, after } = replay.sparseList;
    expect(after.top1 + after.top3).toBeGreaterThan(before.top1 + before.top3);
    expect(after.top1).toBeGreaterThanOrEqual(before.top1);
    expect(replay.fullList.after.top1).toBeGreaterThanOrEqual(replay.fullList.before.top1 - 0.005);
  });

  it('keeps the duty entry as the explanation and says how sure the learned part is', () => {
    const index = buildDutyIndex(seed.duties, seed.departments, regions, segment);
    const [first] = suggestDispatch(index, { text: '来电人反映小区楼下饭店油烟直排，熏得没法开窗。', district: '兰山区' }, segment, replay.model);
    expect(first?.duty.id).toMatch(/^D-\d{4}$/u);
    expect(first?.reasons.learned).toBeGreaterThanOrEqual(0);
  });

  it('a department’s returns push the model away from it', () => {
    const model = new LearnedDispatchModel(segment);
    const text = '来电人反映小区门口的共享单车堆成一片，把盲道全压住了。';
    for (let i = 0; i < 5; i++) model.learnAccepted(text, 'city-urban');
    const before = model.score('小区门口共享单车乱停堵住盲道', ['city-urban', 'city-transport']);
    for (let i = 0; i < 8; i++) model.learnReturned(text, 'city-urban');
    const after = model.score('小区门口共享单车乱停堵住盲道', ['city-urban', 'city-transport']);
    const p = (scores: typeof before, id: string): number => scores.find((s) => s.departmentId === id)?.probability ?? 0;
    expect(p(before, 'city-urban')).toBeGreaterThan(0.5);
    expect(p(after, 'city-urban')).toBeLessThan(p(before, 'city-urban') / 2);
    expect(model.returned).toBe(8);
  });

  it('round-trips through its snapshot (what the hub ships to desks)', () => {
    const model = replay.model;
    const snapshot = learnedModelSnapshotSchema.parse(JSON.parse(JSON.stringify(model.snapshot(7))));
    const copy = LearnedDispatchModel.fromSnapshot(snapshot, segment);
    expect(copy.version).toBe(7);
    const text = '来电人反映小区楼下饭店油烟直排，熏得没法开窗。';
    expect(copy.rank(text)[0]?.departmentId).toBe(model.rank(text)[0]?.departmentId);
  });
});
