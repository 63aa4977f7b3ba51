/** Scoring shared by kb:eval, dispatch:eval and the report (definitions from the data READMEs). */
import fs from 'node:fs';

export interface KbQuery {
  q: string;
  relevant: string[];
}

export interface KbScore {
  n: number;
  recall_at_3: number;
  mrr_at_10: number;
}

export function scoreKb(queries: readonly KbQuery[], rank: (q: string) => string[], status: ReadonlyMap<string, string>, misses?: string[]): KbScore {
  let hitsAt3 = 0;
  let reciprocal = 0;
  for (const query of queries) {
    const ids = rank(query.q).slice(0, 10);
    const at = ids.findIndex((id) => query.relevant.includes(id) && status.get(id) === '有效');
    if (at >= 0 && at < 3) hitsAt3 += 1;
    if (at >= 0) reciprocal += 1 / (at + 1);
    if (at !== 0) misses?.push(`${query.q}\texpected ${query.relevant.join(',')}\tgot ${ids.slice(0, 5).join(',')}`);
  }
  const n = queries.length;
  return { n, recall_at_3: n ? hitsAt3 / n : 0, mrr_at_10: n ? reciprocal / n : 0 };
}

export interface DispatchTicket {
  id: string;
  text: string;
  district: string | null;
  acceptable_leads: string[];
}

export interface DispatchScore {
  n: number;
  top1: number;
  top3: number;
}

export function scoreDispatch(tickets: readonly DispatchTicket[], suggest: (t: DispatchTicket) => string[]): DispatchScore {
  let top1 = 0;
  let top3 = 0;
  for (const t of tickets) {
    const leads = suggest(t);
    if (leads.slice(0, 1).some((l) => t.acceptable_leads.includes(l))) top1 += 1;
    if (leads.slice(0, 3).some((l) => t.acceptable_leads.includes(l))) top3 += 1;
  }
  const n = tickets.length;
  const frac = (k: number): number => (n === 0 ? 0 : Math.round((k / n) * 10_000) / 10_000);
  return { n, top1: frac(top1), top3: frac(top3) };
}

export function readJsonLines(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
    });
}

/**
 * Dev-set folds: a stable split by a hash of the item's key, so "tune on fold A, report fold B" means the
 * same items every time. Fold A is the only part any weight may be tuned on.
 */
export function foldOf(key: string): 'a' | 'b' {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  // FNV's lowest bit is only the parity of the characters' codes: mix the bits (murmur3's finaliser) first.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 2 === 0 ? 'a' : 'b';
}
