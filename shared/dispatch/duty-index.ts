import type { CentreRegions } from './centre';
import type { DepartmentDirectory } from './lead-resolution';
import { buildDirectory } from './lead-resolution';
import type { Department, Duty } from './responsibility';
import type { Segmenter } from './text-terms';
import { hanCharacters, isContentTerm, normalizeText, phrasesOf } from './text-terms';

/**
 * The responsibility list prepared for matching. Built once per list version
 * (the desk rebuilds it when the hub sends changes), so a suggestion only
 * scans precomputed terms.
 */

export type DutyScope = 'urban' | 'county' | 'any';
export type TermSource = 'keyword' | 'keyword-part' | 'matter' | 'matter-part' | 'phrasing' | 'phrasing-part' | 'category' | 'referral' | 'referral-part';

/** How much a term counts by where it comes from; multiplied by the term's rarity across the list. */
const SOURCE_WEIGHT: Record<TermSource, number> = {
  keyword: 1,
  'keyword-part': 0.4,
  matter: 0.8,
  'matter-part': 0.45,
  // Callers' own words for the matter: looser than the list's keywords (a phrasing's word is one way of saying it).
  phrasing: 0.8,
  'phrasing-part': 0.35,
  category: 0.4,
  referral: 0.4,
  'referral-part': 0.25,
};

export interface IndexedTerm {
  term: string;
  source: TermSource;
  weight: number;
}

export interface IndexedDuty {
  duty: Duty;
  scope: DutyScope;
  /** Longest first, so a matched phrase hides its own parts. */
  terms: IndexedTerm[];
  /** Everything the entry says, for finding the ticket's own words in it. */
  doc: string;
  /** The entry is about villages (农村, 村内): a ticket set in a village leans to it. */
  rural: boolean;
  /** The entry is about the inside of a residential estate (小区内). */
  estate: boolean;
  /** Han characters of its keywords and matter, for a weak character-level fallback. */
  chars: ReadonlySet<string>;
}

export interface DutyIndex {
  duties: IndexedDuty[];
  directory: DepartmentDirectory;
  regions: CentreRegions;
  /** Place names (districts with and without suffix, towns) and their parts never count as matter words. */
  places: ReadonlySet<string>;
  /** The same place names as one pattern, longest first, to blank them out of a text. */
  placePattern: RegExp;
  /** Town short name → district, from the region data, for a district named only by its town. */
  townDistrict: ReadonlyMap<string, string>;
  /** Rarity of a term across entries: ln(1 + N / df). Memoised, the vocabulary is bounded. */
  idf(term: string): number;
  /** Rarity of a single character across entries' keywords and matter. */
  charIdf(char: string): number;
}

const REFERRAL = /([^；;。]*?)见(D-\d{4})/gu;

/**
 * An entry restricted to one side of the 市区 / county split: the list says so
 * in the matter (`市区…`, `各县城区及临港区…`, `县域…`) or in a note pointing
 * at the other side's entry (`各县城区及临港区见D-0030`).
 */
export function scopeOf(duty: Duty): DutyScope {
  if (/^(各县城区|县域|县城)/u.test(duty.matter) || duty.matter.includes('各县城区')) return 'county';
  if (duty.matter.startsWith('市区')) return 'urban';
  if (/(各县城区|县域)[^；;。]*见D-\d{4}/u.test(duty.notes ?? '')) return 'urban';
  return 'any';
}

function placeNames(regions: CentreRegions, departments: readonly Department[]): Set<string> {
  const places = new Set<string>();
  const add = (name: string): void => {
    places.add(name);
    const short = name.replace(/(区|县|镇|乡|街道)$/u, '');
    if (short.length >= 2) places.add(short);
  };
  for (const d of regions.districts) {
    add(d.name);
    add(d.name.replace(/^临沂/u, ''));
    for (const t of d.towns) add(t.name);
  }
  for (const d of departments) if (d.district) add(d.district);
  for (const w of ['高新区', '经开区', '临港区', '市区', '城区', '县城', '中心城区', '临沂', '临沂市']) places.add(w);
  // Parts of place names too (`新区` of 高新区, `马头` of 马头镇): a word that only names a place says nothing about the matter.
  for (const name of [...places]) {
    for (let i = 0; i < name.length; i += 1) for (let j = i + 2; j <= name.length; j += 1) places.add(name.slice(i, j));
  }
  return places;
}

export function buildDutyIndex(
  duties: readonly Duty[],
  departments: readonly Department[],
  regions: CentreRegions,
  segment: Segmenter,
): DutyIndex {
  const places = placeNames(regions, departments);
  const usable = (t: string): boolean => isContentTerm(t) && !places.has(t);
  const referrals = new Map<string, string[]>();
  for (const duty of duties) {
    for (const m of (duty.notes ?? '').matchAll(REFERRAL)) {
      const target = m[2];
      const phrase = m[1];
      if (!target || !phrase) continue;
      // `红线内见D-0016`: the words before 见 describe when the other entry applies.
      const list = referrals.get(target) ?? [];
      list.push(phrase.replace(/^[，,、]/u, ''));
      referrals.set(target, list);
    }
  }

  const indexed = duties.map((duty): IndexedDuty => {
    const terms = new Map<string, IndexedTerm>();
    const add = (raw: string, source: TermSource): void => {
      const term = normalizeText(raw);
      if (!usable(term)) return;
      const weight = SOURCE_WEIGHT[source];
      const existing = terms.get(term);
      if (!existing || existing.weight < weight) terms.set(term, { term, source, weight });
    };
    for (const k of duty.keywords) {
      add(k, 'keyword');
      for (const part of segment(k)) if (part !== k) add(part, 'keyword-part');
    }
    for (const phrase of phrasesOf(duty.matter)) {
      add(phrase, 'matter');
      for (const w of segment(phrase)) add(w, 'matter-part');
    }
    for (const phrasing of duty.phrasings ?? []) {
      add(phrasing, 'phrasing');
      for (const w of segment(phrasing)) if (w !== phrasing) add(w, 'phrasing-part');
    }
    add(duty.category[1], 'category');
    for (const w of segment(duty.category[1])) add(w, 'category');
    for (const ref of referrals.get(duty.id) ?? []) {
      for (const phrase of phrasesOf(ref)) {
        add(phrase, 'referral');
        for (const w of segment(phrase)) add(w, 'referral-part');
      }
    }
    const doc = normalizeText([duty.matter, duty.category.join(' '), duty.keywords.join(' '), ...(duty.phrasings ?? [])].join(' '));
    return {
      duty,
      scope: scopeOf(duty),
      terms: [...terms.values()].sort((a, b) => b.term.length - a.term.length),
      doc,
      rural: /农村|村内|村里|村务|村级|村（/u.test(duty.matter) || duty.category[0] === '农业农村',
      estate: /小区内|住宅小区|小区/u.test(duty.matter),
      chars: new Set(hanCharacters(normalizeText(`${duty.matter}${duty.keywords.join('')}${(duty.phrasings ?? []).join('')}`))),
    };
  });

  const docs = indexed.map((d) => `${d.doc} ${(referrals.get(d.duty.id) ?? []).join(' ')}`);
  const n = docs.length;
  const idfCache = new Map<string, number>();
  const idf = (term: string): number => {
    let value = idfCache.get(term);
    if (value === undefined) {
      let df = 0;
      for (const doc of docs) if (doc.includes(term)) df += 1;
      value = Math.log(1 + n / Math.max(df, 1));
      idfCache.set(term, value);
    }
    return value;
  };

  const townDistrict = new Map<string, string>();
  for (const d of regions.districts) for (const t of d.towns) if (!townDistrict.has(t.name)) townDistrict.set(t.name, d.name);

  const charDf = new Map<string, number>();
  for (const d of indexed) for (const c of d.chars) charDf.set(c, (charDf.get(c) ?? 0) + 1);
  const charIdf = (c: string): number => Math.log(1 + n / (charDf.get(c) ?? n));

  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const placePattern = new RegExp([...places].filter((p) => p.length >= 2).sort((a, b) => b.length - a.length).map(escape).join('|') || '(?!)', 'gu');

  return { duties: indexed, directory: buildDirectory(departments), regions, places, placePattern, townDistrict, idf, charIdf };
}
