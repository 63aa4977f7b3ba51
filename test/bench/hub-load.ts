/** Shapes of generated hub load shared by the hub benchmarks: where and what tickets are about. */
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../hub/support/hub-harness';

/** The districts of the sample city (Linyi), as the desk's region data names them. */
export const DISTRICTS = ['兰山区', '罗庄区', '河东区', '沂南县', '郯城县', '沂水县', '兰陵县', '费县', '平邑县', '莒南县', '蒙阴县', '临沭县'];

/** The most frequent four dozen matters of the shipped responsibility list, most frequent first. */
export const commonMatters = ((): [string, string][] => {
  const counts = new Map<string, number>();
  const file = path.join(resourcesDir, 'data', 'dispatch', 'duties.jsonl');
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const duty = JSON.parse(line) as { category: [string, string] };
    const key = duty.category.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 48)
    .map(([key]) => key.split('\u0000') as [string, string]);
})();
