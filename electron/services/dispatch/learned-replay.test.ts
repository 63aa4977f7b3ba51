import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDutyIndex } from '../../../shared/dispatch/duty-index';
import type { DispatchOutcome } from '../../../shared/dispatch/learned-model';
import { LearnedDispatchModel, learnedModelSnapshotSchema, replayOutcomes } from '../../../shared/dispatch/learned-model';
import { suggestDispatch } from '../../../shared/dispatch/suggest';
import type { DispatchTicket } from '../../../scripts/eval/metrics';
import { foldOf, readJsonLines, scoreDispatch } from '../../../scripts/eval/metrics';
import { readRegions } from './dispatch-service';
import { readSeed } from './duty-replica';
import { jiebaSegmenter } from './jieba-segmenter';

/**
 * Replays simulated shifts from the held-out tickets (test/data/heldout): the tickets of fold A are
 * dispatched and kept by their lead departments, the model learns from that, and is measured on fold B,
 * which it never saw. The responsibility list is also used without its keywords, the state of a list
 * that lacks the words callers use, where what the centre learns has to make up for it.
 */
const resources = path.resolve(import.meta.dirname, '../../../resources');
const seed = readSeed(resources);
const regions = readRegions(resources);
const segment = jiebaSegmenter();
type Ticket = DispatchTicket & { expected_lead: string };
const tickets = readJsonLines(path.resolve(import.meta.dirname, '../../../test/data/heldout/dispatch-tickets.jsonl')) as Ticket[];
const shifts: DispatchOutcome[] = tickets.filter((t) => foldOf(t.id) === 'a').map((t) => ({ kind: 'accepted', text: t.text, departmentId: t.expected_lead }));
const unseen = tickets.filter((t) => foldOf(t.id) === 'b');

function measure(keywords: boolean, model: LearnedDispatchModel | null): { top1: number; top3: number } {
  const duties = keywords ? seed.duties : seed.duties.map((d) => ({ ...d, keywords: [] }));
  const index = buildDutyIndex(duties, seed.departments, regions, segment);
  return scoreDispatch(unseen, (t) => suggestDispatch(index, { text: t.text, district: t.district }, segment, model).flatMap((s) => (s.departmentId ? [s.departmentId] : [])));
}

function trained(): LearnedDispatchModel {
  const model = new LearnedDispatchModel(segment);
  replayOutcomes(model, [...shifts, ...shifts]);
  return model;
}

describe('learning from the centre’s dispatches (replayed shifts)', () => {
  it('learns leads for tickets it never saw, far above chance', () => {
    const model = trained();
    const right = unseen.filter((t) => t.acceptable_leads.includes(model.rank(t.text)[0]?.departmentId ?? '')).length / unseen.length;
    expect(model.accepted).toBe(shifts.length * 2);
    expect(right).toBeGreaterThan(0.2); // chance: 1 in ~90 departments
  });

  it('raises accuracy on the never-trained part where the list lacks the callers’ words, and keeps the full list’s', () => {
    const model = trained();
    const before = measure(false, null);
    const after = measure(false, model);
    expect(after.top1 + after.top3).toBeGreaterThan(before.top1 + before.top3);
    expect(after.top1).toBeGreaterThanOrEqual(before.top1);
    const full = measure(true, null);
    expect(measure(true, model).top1).toBeGreaterThanOrEqual(full.top1 - 0.005);
  });

  it('keeps the duty entry as the explanation and says how sure the learned part is', () => {
    const index = buildDutyIndex(seed.duties, seed.departments, regions, segment);
    const [first] = suggestDispatch(index, { text: '来电人反映小区楼下饭店油烟直排，熏得没法开窗。', district: '兰山区' }, segment, trained());
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
    const model = trained();
    const snapshot = learnedModelSnapshotSchema.parse(JSON.parse(JSON.stringify(model.snapshot(7))));
    const copy = LearnedDispatchModel.fromSnapshot(snapshot, segment);
    expect(copy.version).toBe(7);
    const text = unseen[0]?.text ?? '';
    expect(copy.rank(text)[0]?.departmentId).toBe(model.rank(text)[0]?.departmentId);
  });
});
