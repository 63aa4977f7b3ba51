// Gives each ticket of an evaluation set its expected and acceptable lead departments, derived from the duty
// it names with the product's own 属地 rules (shared/dispatch/lead-resolution.ts), so a set's author writes
// only the ticket and its duty. Stricter than a person's judgement: the lead the rule gives, plus the district
// government behind a town office; nothing else counts.
// Run: tsx scripts/eval/derive-leads.ts <tickets-with-duties.jsonl> > <tickets.jsonl>
import fs from 'node:fs';
import path from 'node:path';
import { buildDirectory, resolveLead } from '../../shared/dispatch/lead-resolution';
import { departmentSchema, dutySchema } from '../../shared/dispatch/responsibility';
import { readJsonLines } from './metrics';

interface DraftTicket {
  id: string;
  text: string;
  district: string;
  true_district: string;
  request_type: string;
  expected_duty: string;
  kind: string;
}

const data = path.resolve(import.meta.dirname, '../../resources/data/dispatch');
const duties = new Map(readJsonLines(path.join(data, 'duties.jsonl')).map((d) => dutySchema.parse(d)).map((d) => [d.id, d]));
const directory = buildDirectory(departmentSchema.array().parse(JSON.parse(fs.readFileSync(path.join(data, 'departments.json'), 'utf8'))));
const file = process.argv[2];
if (!file) throw new Error('usage: tsx scripts/eval/derive-leads.ts <tickets-with-duties.jsonl>');
for (const draft of readJsonLines(file) as DraftTicket[]) {
  const duty = duties.get(draft.expected_duty);
  if (!duty) throw new Error(`${draft.id}: no duty ${draft.expected_duty}`);
  const resolved = resolveLead(directory, duty.lead, { district: draft.true_district || null, town: null, text: draft.text });
  if (resolved.kind === 'unresolved') throw new Error(`${draft.id}: ${duty.lead} without a district`);
  const behindTown = resolved.kind === 'town' ? [directory.districtGov.get(resolved.district)?.id ?? resolved.departmentId] : [];
  const ticket = {
    id: draft.id,
    text: draft.text,
    district: draft.district || null,
    request_type: draft.request_type,
    expected_duty: draft.expected_duty,
    expected_lead: resolved.departmentId,
    acceptable_leads: [...new Set([resolved.departmentId, ...behindTown])],
    kind: draft.kind,
  };
  console.log(JSON.stringify(ticket));
}
