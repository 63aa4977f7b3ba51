import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../../electron/services/db/database';
import { DispatchService } from '../../electron/services/dispatch/dispatch-service';
import { readSeed } from '../../electron/services/dispatch/duty-replica';
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
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of tickets) {
        const started = performance.now();
        service.suggest(t);
        times.push(performance.now() - started);
      }
    }
    return [
      { key: 'dispatch.suggest_p95_ms', value: percentile(times, 95), unit: 'ms', note: `${times.length} suggestions, top 3 leads with reasons` },
      { key: 'dispatch.suggest_median_ms', value: median(times), unit: 'ms' },
      { key: 'dispatch.first_suggest_ms', value: cold, unit: 'ms', note: 'first call: jieba dictionary and match index built' },
    ];
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
