import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../../electron/services/db/database';
import { DispatchService } from '../../electron/services/dispatch/dispatch-service';
import { readSeed } from '../../electron/services/dispatch/duty-replica';
import { replayDispatchShifts, replayKbShifts } from '../../scripts/eval/replay';
import type { BenchArea, BenchRow } from './bench-area';
import { median, percentile } from './bench-area';

const ROUNDS = 5;
const DISTRICTS = ['兰山区', '罗庄区', '河东区', '沂水县', '费县', '临沂高新区', '临沂临港区', null];

/**
 * Tickets shaped like registered ones (40–200 characters, a place, the
 * caller's words, boilerplate at the end), one per duty entry, built from the
 * shipped list so the benchmark needs no data outside the repo.
 */
function sampleTickets(resourcesDir: string): { text: string; district: string | null }[] {
  const { duties } = readSeed(resourcesDir);
  return duties.map((duty, i) => {
    const district = DISTRICTS[i % DISTRICTS.length] ?? null;
    const words = duty.keywords.slice(0, 2).join('，');
    return {
      district,
      text: `来电人反映${district ?? '市区'}某小区附近${words}，${duty.matter.replace(/（.*?）/gu, '')}的问题已持续一周，多次找有关方面未果，要求尽快处理。来电人希望相关部门尽快核实处理，并将处理结果及时回复。`,
    };
  });
}

export const dispatchBench: BenchArea = {
  name: 'dispatch',
  description: `dispatch suggestion latency from the local SQLite replica with jieba (${ROUNDS} rounds over one ticket per duty entry)`,
  run(): Promise<BenchRow[]> {
    return Promise.resolve(measure());
  },
};

function timeSuggestions(service: DispatchService, tickets: readonly { text: string; district: string | null }[]): number[] {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of tickets) {
      const started = performance.now();
      service.suggest(t);
      times.push(performance.now() - started);
    }
  }
  return times;
}

function measure(): BenchRow[] {
  const resourcesDir = path.resolve('resources');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-dispatch-'));
  const db = openDatabase(path.join(dir, 'desk.sqlite3'));
  try {
    const service = new DispatchService(db, resourcesDir);
    const tickets = sampleTickets(resourcesDir);
    const coldStart = performance.now();
    service.suggest({ text: '小区停水了', district: '兰山区' });
    const cold = performance.now() - coldStart;
    const times = timeSuggestions(service, tickets);
    // The same suggestions with the centre's learned model beside the list (trained by the replay below).
    const replay = replayDispatchShifts();
    service.applyLearnedModel(replay.model.snapshot(1));
    const learnedTimes = timeSuggestions(service, tickets);
    const kb = replayKbShifts();
    const r = (n: number): number => Math.round(n * 1000) / 1000;
    return [
      { key: 'dispatch.suggest_p95_ms', value: percentile(times, 95), unit: 'ms', note: `${times.length} suggestions, top 3 leads with reasons` },
      { key: 'dispatch.suggest_median_ms', value: median(times), unit: 'ms' },
      { key: 'dispatch.first_suggest_ms', value: cold, unit: 'ms', note: 'first call: jieba dictionary and match index built' },
      { key: 'dispatch.suggest_learned_p95_ms', value: percentile(learnedTimes, 95), unit: 'ms', note: 'same tickets, learned model beside the list' },
      { key: 'dispatch.replay_model_alone_top1', value: r(replay.modelAloneTop1), unit: '', note: `learned model alone on ${replay.unseen} held-out tickets it never saw, after ${replay.shifts} replayed dispatches` },
      { key: 'dispatch.replay_sparse_list_top1_before', value: r(replay.sparseList.before.top1), unit: '', note: 'list without its keywords and caller phrasings, same unseen tickets' },
      { key: 'dispatch.replay_sparse_list_top1_after', value: r(replay.sparseList.after.top1), unit: '', note: 'with the learned model' },
      { key: 'dispatch.replay_sparse_list_top3_before', value: r(replay.sparseList.before.top3), unit: '' },
      { key: 'dispatch.replay_sparse_list_top3_after', value: r(replay.sparseList.after.top3), unit: '' },
      { key: 'dispatch.replay_full_list_top1_before', value: r(replay.fullList.before.top1), unit: '' },
      { key: 'dispatch.replay_full_list_top1_after', value: r(replay.fullList.after.top1), unit: '' },
      { key: 'dispatch.replay_kb_mrr_before', value: r(kb.before.mrr_at_10), unit: '', note: `knowledge: ${kb.askedAgain.length} later callers' queries on matters asked before, never replayed` },
      { key: 'dispatch.replay_kb_mrr_after', value: r(kb.after.mrr_at_10), unit: '', note: `after ${kb.replayed} first queries replayed as opened/copied/有用` },
    ];
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
