/**
 * Scores the dispatch suggestion on a file of registered tickets:
 *   npm run dispatch:eval -- <duties.jsonl> <departments.json> <tickets.jsonl> [--json] [--misses]
 * A suggestion is correct when it is one of the ticket's acceptable_leads.
 * Prints a table (n, top-1, top-3 and diagnostics); with --json exactly one
 * JSON object {"n","top1","top3"} (fractions) on standard output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { centreRegionsSchema } from '../shared/dispatch/centre';
import { buildDutyIndex } from '../shared/dispatch/duty-index';
import { departmentSchema, dutySchema } from '../shared/dispatch/responsibility';
import { suggestDispatch } from '../shared/dispatch/suggest';
import { requestTypes } from '../shared/tickets/ticket';
import { jiebaSegmenter } from '../electron/services/dispatch/jieba-segmenter';

const ticketSchema = z.object({
  id: z.string(),
  text: z.string(),
  district: z.string().nullable(),
  request_type: z.enum(requestTypes).nullable().optional(),
  expected_duty: z.string().optional(),
  expected_lead: z.string().optional(),
  acceptable_leads: z.array(z.string()).min(1),
  time_limit_days: z.number().int().optional(),
});

const jsonLines = (file: string): unknown[] =>
  fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as unknown;
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`);
    }
  });

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, misses: { type: 'boolean' } } });
  const [dutiesFile, departmentsFile, ticketsFile] = positionals;
  if (!dutiesFile || !departmentsFile || !ticketsFile) {
    console.error('usage: npm run dispatch:eval -- <duties.jsonl> <departments.json> <tickets.jsonl> [--json] [--misses]');
    process.exit(2);
  }
  const duties = jsonLines(dutiesFile).map((d) => dutySchema.parse(d));
  const departments = departmentSchema.array().parse(JSON.parse(fs.readFileSync(departmentsFile, 'utf8')));
  const tickets = jsonLines(ticketsFile).map((t) => ticketSchema.parse(t));
  const regions = centreRegionsSchema.parse(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../resources/data/regions/regions.json'), 'utf8')));
  const segment = jiebaSegmenter();
  const index = buildDutyIndex(duties, departments, regions, segment);

  let top1 = 0;
  let top3 = 0;
  let dutyHit = 0;
  let limitHit = 0;
  const misses: string[] = [];
  for (const t of tickets) {
    const s = suggestDispatch(index, { text: t.text, district: t.district, requestType: t.request_type ?? null }, segment);
    const ok = (i: number): boolean => s.slice(0, i).some((x) => x.departmentId !== null && t.acceptable_leads.includes(x.departmentId));
    if (ok(1)) top1 += 1;
    if (ok(3)) top3 += 1;
    if (s[0]?.duty.id === t.expected_duty) dutyHit += 1;
    else if (values.misses && ok(1)) misses.push(`(duty only) ${t.id} want ${t.expected_duty ?? "?"} got ${s[0]?.duty.id ?? "-"} ${s[0]?.duty.matter ?? ""}`);
    if (s[0]?.duty.timeLimitDays === t.time_limit_days) limitHit += 1;
    if (!ok(1)) misses.push(`${t.id} want ${t.acceptable_leads.join('|')} (${t.expected_duty ?? '?'}) got ${s.map((x) => `${x.departmentId}:${x.duty.id}:${x.score.toFixed(1)}[${[...x.reasons.keywords, ...x.reasons.terms].join(',')}]`).join(' ')}\n   ${t.text}`);
  }
  const n = tickets.length;
  const frac = (k: number): number => (n === 0 ? 0 : Math.round((k / n) * 10_000) / 10_000);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ n, top1: frac(top1), top3: frac(top3) })}\n`);
    return;
  }
  const pct = (k: number): string => `${(frac(k) * 100).toFixed(1)} %`;
  console.table({ n: { value: n }, 'top-1': { value: pct(top1) }, 'top-3': { value: pct(top3) }, 'best duty = expected_duty': { value: pct(dutyHit) }, 'time limit = expected': { value: pct(limitHit) } });
  if (values.misses) for (const m of misses) console.log(m);
}

main();
