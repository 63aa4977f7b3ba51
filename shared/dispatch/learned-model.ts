import { z } from 'zod';
import type { Segmenter } from './text-terms';
import { isContentTerm, normalizeText } from './text-terms';

/**
 * What the centre's own dispatching teaches: a linear model over the words and character bigrams of a
 * ticket, one weight vector per lead department, trained online on the dispatches departments accepted
 * and pushed away from a department by the tickets it returned (退回).
 *
 * It never decides alone: `suggestDispatch` lets it re-rank the departments the responsibility list
 * already found for the ticket, each still shown with its duty entry (the list's explanation), plus how
 * sure the learned part is. Pure: the hub trains it from its tickets and ships a snapshot; desks use it.
 */

export const learnedModelSnapshotSchema = z.object({
  /** Increases with every retraining; a desk ignores a snapshot older than the one it has. */
  version: z.number().int().nonnegative(),
  /** Accepted dispatches and returns it has seen. */
  accepted: z.number().int().nonnegative(),
  returned: z.number().int().nonnegative(),
  /** feature → [department id, weight] pairs (only non-zero weights). */
  weights: z.record(z.string().max(40), z.array(z.tuple([z.string().max(80), z.number()])).max(200)),
});
export type LearnedModelSnapshot = z.infer<typeof learnedModelSnapshotSchema>;

/** Learning rate of one accepted dispatch. */
const RATE = 0.5;
/** A return is strong evidence against that department: it counts at least this share of a full step. */
const RETURN_MIN_STEP = 0.5;
/** Weights below this after an update are dropped, so the model stays small. */
const PRUNE = 1e-3;
/** Only this many competing departments are pushed down per example (the most likely ones): sparse updates. */
const COMPETITORS = 5;

export interface LearnedScore {
  departmentId: string;
  /** Softmax share over the departments asked about. */
  probability: number;
}

export class LearnedDispatchModel {
  private readonly weights = new Map<string, Map<string, number>>();
  accepted = 0;
  returned = 0;

  constructor(
    private readonly segment: Segmenter,
    public version = 0,
  ) {}

  static fromSnapshot(snapshot: LearnedModelSnapshot, segment: Segmenter): LearnedDispatchModel {
    const model = new LearnedDispatchModel(segment, snapshot.version);
    model.accepted = snapshot.accepted;
    model.returned = snapshot.returned;
    for (const [feature, pairs] of Object.entries(snapshot.weights)) model.weights.set(feature, new Map(pairs));
    return model;
  }

  /** `maxFeatures` keeps the features with the largest weights (what the hub ships must fit a desk's cap). */
  snapshot(version = this.version, maxFeatures = Infinity): LearnedModelSnapshot {
    let rows = [...this.weights].map(([feature, row]) => {
      const pairs = [...row].filter(([, w]) => Math.abs(w) >= PRUNE).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 200);
      return { feature, pairs, strength: Math.abs(pairs[0]?.[1] ?? 0) };
    });
    if (rows.length > maxFeatures) rows = rows.sort((a, b) => b.strength - a.strength).slice(0, maxFeatures);
    const weights: Record<string, [string, number][]> = {};
    for (const { feature, pairs } of rows) if (pairs.length) weights[feature] = pairs.map(([d, w]) => [d, Math.round(w * 10_000) / 10_000]);
    return { version, accepted: this.accepted, returned: this.returned, weights };
  }

  /** Words (jieba) and character bigrams of the ticket: words carry meaning, bigrams survive other segmentations. */
  features(text: string): string[] {
    const normal = normalizeText(text);
    const out = new Set<string>();
    for (const w of this.segment(normal)) if (isContentTerm(w)) out.add(`w:${w}`);
    for (const run of normal.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) out.add(`b:${run.slice(i, i + 2)}`);
    return [...out];
  }

  private raw(features: readonly string[], departments: Iterable<string>): Map<string, number> {
    const scores = new Map<string, number>();
    for (const d of departments) scores.set(d, 0);
    for (const f of features) {
      const row = this.weights.get(f);
      if (!row) continue;
      for (const [d, w] of row) if (scores.has(d)) scores.set(d, (scores.get(d) ?? 0) + w);
    }
    return scores;
  }

  /** Probabilities over the given departments (softmax of their linear scores, normalised by feature count). */
  score(text: string, departments: readonly string[]): LearnedScore[] {
    const features = this.features(text);
    return softmax(this.raw(features, departments), features.length);
  }

  /** All departments the model knows, best first: for replay measurements and diagnostics. */
  rank(text: string): LearnedScore[] {
    const known = new Set<string>();
    for (const row of this.weights.values()) for (const d of row.keys()) known.add(d);
    return this.score(text, [...known]).sort((a, b) => b.probability - a.probability);
  }

  /** A dispatch the lead department kept: pull the ticket's features towards it, away from the likeliest others. */
  learnAccepted(text: string, departmentId: string): void {
    const features = this.features(text);
    if (!features.length) return;
    const known = new Set<string>([departmentId]);
    for (const f of features) for (const d of this.weights.get(f)?.keys() ?? []) known.add(d);
    const probabilities = softmax(this.raw(features, known), features.length);
    const step = RATE / Math.sqrt(features.length);
    const target = probabilities.find((p) => p.departmentId === departmentId)?.probability ?? 0;
    this.add(features, departmentId, step * (1 - target));
    const competitors = probabilities.filter((p) => p.departmentId !== departmentId).sort((a, b) => b.probability - a.probability).slice(0, COMPETITORS);
    for (const c of competitors) this.add(features, c.departmentId, -step * c.probability);
    this.accepted += 1;
  }

  /** A department returned the ticket (not ours): push the ticket's features away from it. */
  learnReturned(text: string, departmentId: string): void {
    const features = this.features(text);
    if (!features.length) return;
    const known = new Set<string>([departmentId]);
    for (const f of features) for (const d of this.weights.get(f)?.keys() ?? []) known.add(d);
    const probability = softmax(this.raw(features, known), features.length).find((p) => p.departmentId === departmentId)?.probability ?? 0;
    this.add(features, departmentId, -(RATE / Math.sqrt(features.length)) * Math.max(probability, RETURN_MIN_STEP));
    this.returned += 1;
  }

  private add(features: readonly string[], departmentId: string, delta: number): void {
    for (const f of features) {
      let row = this.weights.get(f);
      if (!row) this.weights.set(f, (row = new Map<string, number>()));
      const next = (row.get(departmentId) ?? 0) + delta;
      if (Math.abs(next) < PRUNE) row.delete(departmentId);
      else row.set(departmentId, next);
    }
  }
}

/**
 * Softmax over the departments plus an implicit "none of these" at score 0, so an untrained model gives every
 * department a low probability instead of sharing 1 among them.
 */
function softmax(scores: Map<string, number>, featureCount: number): LearnedScore[] {
  // Scores grow with the number of features a ticket has; dividing by its square root keeps long tickets from
  // being more "certain" than short ones for the same evidence.
  const scale = 1 / Math.sqrt(Math.max(1, featureCount));
  let max = 0;
  for (const s of scores.values()) max = Math.max(max, s * scale * 10);
  let sum = Math.exp(-max);
  const exps: [string, number][] = [];
  for (const [d, s] of scores) {
    const e = Math.exp(s * scale * 10 - max);
    exps.push([d, e]);
    sum += e;
  }
  return exps.map(([departmentId, e]) => ({ departmentId, probability: sum > 0 ? e / sum : 0 }));
}

/** One event of a simulated or real shift, as the hub's ticket history records it. */
export type DispatchOutcome =
  | { kind: 'accepted'; text: string; departmentId: string }
  | { kind: 'returned'; text: string; departmentId: string };

/** Replays a shift's outcomes into the model, in order. */
export function replayOutcomes(model: LearnedDispatchModel, outcomes: Iterable<DispatchOutcome>): void {
  for (const o of outcomes) {
    if (o.kind === 'accepted') model.learnAccepted(o.text, o.departmentId);
    else model.learnReturned(o.text, o.departmentId);
  }
}
