/**
 * The two plain baselines every engine change is measured against (issue 18): an engine that does not beat
 * them on unseen material has learned the dev set, not the callers.
 * - knowledge: BM25 over character bigrams ("two-character chunks") of title, keywords and body, nothing else;
 * - dispatch: count the duty entry's own keywords found in the ticket, resolve the lead with the 属地 rules.
 */
import type { Article } from '../../shared/kb/article';
import { compareHits } from '../../shared/kb/search';
import type { DepartmentDirectory } from '../../shared/dispatch/lead-resolution';
import { resolveLead } from '../../shared/dispatch/lead-resolution';
import type { Duty } from '../../shared/dispatch/responsibility';

const bigrams = (text: string): string[] => {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/[\u3400-\u9fffa-z0-9]+/gu) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
};

export function bigramSearch(articles: readonly Article[]): (query: string) => string[] {
  const docs = articles.map((a) => {
    const tf = new Map<string, number>();
    for (const g of bigrams(`${a.title} ${a.keywords.join(' ')} ${a.body}`)) tf.set(g, (tf.get(g) ?? 0) + 1);
    let length = 0;
    for (const c of tf.values()) length += c;
    return { article: a, tf, length };
  });
  const avg = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d.tf.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const n = docs.length;
  return (query) => {
    const terms = [...new Set(bigrams(query))];
    return docs
      .map((d) => {
        let score = 0;
        for (const g of terms) {
          const tf = d.tf.get(g) ?? 0;
          if (!tf) continue;
          const idf = Math.log(1 + (n - (df.get(g) ?? 0) + 0.5) / ((df.get(g) ?? 0) + 0.5));
          score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / avg));
        }
        return { id: d.article.id, status: d.article.status, score };
      })
      .filter((h) => h.score > 0)
      .sort(compareHits)
      .slice(0, 10)
      .map((h) => h.id);
  };
}

export function keywordDispatch(duties: readonly Duty[], directory: DepartmentDirectory): (ticket: { text: string; district: string | null }) => string[] {
  return ({ text, district }) => {
    const scored = duties
      .map((duty) => ({ duty, hits: duty.keywords.filter((k) => text.includes(k)).length }))
      .filter((s) => s.hits > 0)
      .sort((a, b) => b.hits - a.hits);
    const leads: string[] = [];
    for (const { duty } of scored) {
      const lead = resolveLead(directory, duty.lead, { district, town: null, text });
      if (lead.kind !== 'unresolved' && !leads.includes(lead.departmentId)) leads.push(lead.departmentId);
      if (leads.length >= 3) break;
    }
    return leads;
  };
}
