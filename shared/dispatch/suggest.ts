import { isUrbanDistrict } from './centre';
import type { DutyIndex, IndexedDuty } from './duty-index';
import type { LeadResolution } from './lead-resolution';
import { resolveLead } from './lead-resolution';
import { LOCAL_DISTRICT_GOV, LOCAL_TOWN_OFFICE } from './responsibility';
import type { LearnedDispatchModel } from './learned-model';
import type { DispatchQuery, DispatchSuggestion } from './suggestion';
import { dispatchQuerySchema } from './suggestion';
import type { Segmenter } from './text-terms';
import { STOP_TERMS, hanCharacters, isContentTerm, normalizeText, weightedClauses, withoutNegated } from './text-terms';

/**
 * Dispatch suggestion: score every duty entry against the ticket, resolve each
 * entry's lead for the ticket's place (就近定责), and rank distinct leads.
 *
 * A duty's score is the sum, over its terms found in the text, of the term's
 * weight (keyword > matter wording > parts) times its rarity across the list,
 * times the weight of the clause it was found in (side remarks count less).
 * Words of the ticket that the entry mentions elsewhere add a little. Then the
 * place decides: 市区-only entries drop out for county tickets and the reverse,
 * village tickets lean to village entries, and a category the operator chose
 * counts strongly.
 */

/** Ticket words found anywhere in an entry count this much relative to its listed terms. */
const LOOSE_WORD_WEIGHT = 0.25;
/** A term inside a longer matched term of the same entry. */
const PART_OF_MATCHED = 0.25;
const EVIDENCE_DECAY = 0.85;
/**
 * Single characters the entry and the ticket share (place names and stock phrases removed), weighted
 * by rarity: Chinese paraphrases often keep the key character (拴绳 / 牵绳, 救火车 / 消防车), so this
 * weak signal breaks ties that whole words miss.
 */
const CHAR_WEIGHT = 0.2;
/** An entry for the other side of the 市区/county split keeps only this share of its score. */
const WRONG_SIDE = 0.05;
/** A county-only entry for a city-wide ticket (no district). */
const COUNTY_ENTRY_WITHOUT_DISTRICT = 0.5;
const CATEGORY_MATCH = 1.6;
const TOP_CATEGORY_MATCH = 1.15;
const RURAL_MATCH = 1.3;
const ESTATE_MATCH = 1.15;
/** When a town office leads, its district government is also a sound choice, ranked after it. */
const DISTRICT_BEHIND_TOWN = 0.9;

interface ScoredDuty {
  entry: IndexedDuty;
  score: number;
  keywords: string[];
  terms: string[];
}

const VILLAGE = /[某一\p{Script=Han}]村(?![民委])|村里|村内|村民|农村|村头|村口|村委/u;

function clauseWeightAt(clauses: ReturnType<typeof weightedClauses>, index: number): number {
  let weight = 1;
  for (const c of clauses) {
    if (c.start > index) break;
    weight = c.weight;
  }
  return weight;
}

/** The weight of the strongest place a term occurs at (0 when absent): a word said once as "not this" and once as the matter counts as the matter. */
function termWeightIn(text: string, term: string, clauses: ReturnType<typeof weightedClauses>): number {
  let best = 0;
  for (let at = text.indexOf(term); at >= 0 && best < 1; at = text.indexOf(term, at + 1)) best = Math.max(best, clauseWeightAt(clauses, at));
  return best;
}

/** A district named in the text (or by one of its towns), for tickets registered without one. */
export function districtFromText(index: DutyIndex, text: string): string | null {
  for (const d of index.regions.districts) {
    const short = d.name.replace(/^临沂/u, '');
    if (text.includes(d.name) || (short.length >= 3 && text.includes(short))) return d.name;
  }
  for (const [town, district] of index.townDistrict) if (town.length >= 3 && text.includes(town)) return district;
  return null;
}

function scoreDuty(entry: IndexedDuty, text: string, words: readonly string[], chars: readonly string[], clauses: ReturnType<typeof weightedClauses>, index: DutyIndex): ScoredDuty {
  const parts: number[] = [];
  const keywords: string[] = [];
  const terms: string[] = [];
  const matched: string[] = [];
  for (const t of entry.terms) {
    const weight = termWeightIn(text, t.term, clauses);
    if (weight === 0) continue;
    // A part of a longer term already matched adds little: the longer one has counted it.
    const overlap = matched.some((m) => m.includes(t.term)) ? PART_OF_MATCHED : 1;
    matched.push(t.term);
    parts.push(t.weight * overlap * index.idf(t.term) * weight);
    if (t.source === 'keyword') keywords.push(t.term);
    else terms.push(t.term);
  }
  for (const w of words) {
    if (matched.some((m) => m.includes(w)) || !entry.doc.includes(w)) continue;
    matched.push(w);
    parts.push(LOOSE_WORD_WEIGHT * index.idf(w) * termWeightIn(text, w, clauses));
    terms.push(w);
  }
  let charScore = 0;
  for (const c of chars) if (entry.chars.has(c)) charScore += index.charIdf(c);
  if (charScore > 0) parts.push(CHAR_WEIGHT * charScore);
  // Diminishing returns: the strongest evidence counts whole, each further piece less, so a pile of
  // common words cannot outweigh one specific phrase.
  parts.sort((a, b) => b - a);
  let score = 0;
  let factor = 1;
  for (const p of parts) {
    score += p * factor;
    factor *= EVIDENCE_DECAY;
  }
  return { entry, score, keywords, terms };
}

function placeFactor(entry: IndexedDuty, index: DutyIndex, district: string | null): number {
  if (entry.scope === 'any') return 1;
  if (district === null) return entry.scope === 'county' ? COUNTY_ENTRY_WITHOUT_DISTRICT : 1;
  const urban = isUrbanDistrict(index.regions, district);
  return (entry.scope === 'urban') === urban ? 1 : WRONG_SIDE;
}

/**
 * How much the learned model can move a department: its probability (0–1) is added to the rule score
 * divided by the best rule score of the ticket. At 1, a department the model is sure of overtakes one the
 * list rates higher only when the list's own evidence is close (within the model's share).
 */
const LEARNED_WEIGHT = 0.2;

export function suggestDispatch(index: DutyIndex, rawQuery: DispatchQuery, segment: Segmenter, learned?: LearnedDispatchModel | null): DispatchSuggestion[] {
  const query = dispatchQuerySchema.parse(rawQuery);
  const text = normalizeText(query.address ? `${query.text}\n${query.address}` : query.text);
  const inferred = query.district ? null : districtFromText(index, text);
  const district = query.district ?? inferred;
  const clauses = weightedClauses(text);
  const words = [...new Set(segment(text))].filter((w) => isContentTerm(w) && !index.places.has(w));
  // 不是 A，而是 B: whole-ticket cues and the character signal read the ticket without the A.
  const affirmed = withoutNegated(text);
  const village = VILLAGE.test(affirmed);
  const estate = affirmed.includes('小区');
  let bare = affirmed.replace(index.placePattern, ' ');
  for (const s of STOP_TERMS) bare = bare.replaceAll(s, ' ');
  const chars = [...new Set(hanCharacters(bare))];

  const scored: ScoredDuty[] = [];
  for (const entry of index.duties) {
    const s = scoreDuty(entry, text, words, chars, clauses, index);
    if (s.score <= 0) continue;
    s.score *= placeFactor(entry, index, district);
    if (village && entry.rural) s.score *= RURAL_MATCH;
    if (estate && entry.estate) s.score *= ESTATE_MATCH;
    if (query.category) {
      if (query.category[0] === entry.duty.category[0] && query.category[1] === entry.duty.category[1]) s.score *= CATEGORY_MATCH;
      else if (query.category[0] === entry.duty.category[0]) s.score *= TOP_CATEGORY_MATCH;
    }
    scored.push(s);
  }
  scored.sort((a, b) => b.score - a.score);

  const location = { district, town: query.town, text };
  const byLead = new Map<string, DispatchSuggestion>();
  /** `departmentId` null: a 属地 lead without a district, offered under its literal so the operator picks the district. */
  const offer = (s: ScoredDuty, lead: LeadResolution, departmentId: string | null, score: number): void => {
    const key = departmentId ?? `?${s.entry.duty.lead}`;
    const current = byLead.get(key);
    if (current && current.score >= score) return;
    const department = departmentId ? index.directory.byId.get(departmentId) : undefined;
    if (departmentId && !department) return;
    byLead.set(key, {
      departmentId,
      departmentName: department?.name ?? s.entry.duty.lead,
      score: Math.round(score * 1000) / 1000,
      duty: {
        id: s.entry.duty.id,
        matter: s.entry.duty.matter,
        category: s.entry.duty.category,
        timeLimitDays: s.entry.duty.time_limit_days,
        basis: s.entry.duty.basis,
        notes: s.entry.duty.notes ?? null,
        co: resolveCo(index, s.entry.duty.co, location, departmentId ?? ''),
      },
      reasons: {
        keywords: s.keywords,
        terms: s.terms,
        scope: s.entry.scope,
        districtFromText: inferred,
        categoryMatched: query.category !== null && query.category[1] === s.entry.duty.category[1],
        lead,
      },
    });
  };
  for (const s of scored) {
    if (byLead.size >= query.limit * 3) break;
    const lead = resolveLead(index.directory, s.entry.duty.lead, location);
    if (lead.kind === 'unresolved') {
      offer(s, lead, null, s.score);
      continue;
    }
    offer(s, lead, lead.departmentId, s.score);
    if (lead.kind === 'town') {
      const gov = index.directory.districtGov.get(lead.district);
      if (gov) offer(s, { kind: 'town-fallback', departmentId: gov.id, district: lead.district }, gov.id, s.score * DISTRICT_BEHIND_TOWN);
    }
  }
  const ranked = [...byLead.values()].sort((a, b) => b.score - a.score);
  if (learned) fuseLearned(ranked, learned, query.text);
  // Departments first; the strongest 属地 entry still waiting for a district follows them as a hint.
  const resolved = ranked.filter((s) => s.departmentId !== null).slice(0, query.limit);
  const waiting = ranked.find((s) => s.departmentId === null && s.score > (resolved.at(-1)?.score ?? 0));
  return waiting ? [...resolved, waiting] : resolved;
}

/**
 * Re-ranks the list's candidates with what the centre's accepted dispatches and returns taught: each keeps
 * its duty entry and reasons, and says how sure the learned part is (`reasons.learned`).
 */
function fuseLearned(ranked: DispatchSuggestion[], learned: LearnedDispatchModel, text: string): void {
  const ids = ranked.flatMap((s) => (s.departmentId ? [s.departmentId] : []));
  if (!ids.length) return;
  const best = ranked[0]?.score || 1;
  const probability = new Map(learned.score(text, ids).map((p) => [p.departmentId, p.probability]));
  for (const s of ranked) {
    const p = s.departmentId ? (probability.get(s.departmentId) ?? 0) : 0;
    s.reasons.learned = Math.round(p * 1000) / 1000;
    s.score = Math.round((s.score / best + LEARNED_WEIGHT * p) * 1000) / 1000;
  }
  ranked.sort((a, b) => b.score - a.score);
}

function resolveCo(index: DutyIndex, co: readonly string[], location: { district: string | null; town: string | null; text: string }, lead: string): string[] {
  const out: string[] = [];
  for (const unit of co) {
    const resolved = unit === LOCAL_DISTRICT_GOV || unit === LOCAL_TOWN_OFFICE ? resolveLead(index.directory, unit, location) : null;
    const id = resolved ? (resolved.kind === 'unresolved' ? null : resolved.departmentId) : unit;
    if (id && id !== lead && !out.includes(id)) out.push(id);
  }
  return out;
}
