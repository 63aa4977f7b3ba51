import fs from 'node:fs';
import path from 'node:path';
import { benchAreas as defaultAreas, namedOnlyAreas } from './areas';
import type { BenchRow } from './bench-area';

/**
 * `npm run bench [-- AREA ...]`: runs all areas or the named ones, prints a
 * table, and merges the figures into bench/results.json (a flat
 * `{"AREA.metric": number}` object; keys of areas not run are kept).
 */
const RESULTS = path.resolve('bench/results.json');

async function main(): Promise<void> {
  const benchAreas = [...defaultAreas, ...namedOnlyAreas];
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !benchAreas.some((area) => area.name === name));
  if (unknown.length > 0) {
    console.error(`unknown bench area(s): ${unknown.join(', ')}; known: ${benchAreas.map((a) => a.name).join(', ')}`);
    process.exit(2);
  }
  const areas = wanted.length > 0 ? benchAreas.filter((a) => wanted.includes(a.name)) : defaultAreas;
  const rows: BenchRow[] = [];
  for (const [index, area] of areas.entries()) {
    console.log(`[${index + 1}/${areas.length}] ${area.name}: ${area.description}`);
    const started = performance.now();
    const areaRows = await area.run();
    rows.push(...areaRows);
    console.log(`      done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log('');
  console.table(rows.map((r) => ({ key: r.key, value: round(r.value), unit: r.unit, note: r.note ?? '' })));

  const previous = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Record<string, number>) : {};
  const merged = { ...previous, ...Object.fromEntries(rows.map((r) => [r.key, round(r.value)])) };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`\nwrote ${rows.length} figure(s) to ${path.relative(process.cwd(), RESULTS)}`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
