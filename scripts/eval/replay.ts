/**
 * Replays of simulated shifts from the held-out sets (test/data/heldout), shared by the learning tests and
 * the bench rows: what the centre's work teaches, measured on material the learning never saw.
 */
import path from 'node:path';
import { buildIndex, readArticlesFile, readShippedVocabulary, shippedArticlesFile } from '../../electron/services/kb/kb-engine';
import { learningKeys } from '../../electron/services/kb/text-analysis';
import { readRegions } from '../../electron/services/dispatch/dispatch-service';
import { readSeed } from '../../electron/services/dispatch/duty-replica';
import { jiebaSegmenter } from '../../electron/services/dispatch/jieba-segmenter';
import { buildDutyIndex } from '../../shared/dispatch/duty-index';
import type { DispatchOutcome } from '../../shared/dispatch/learned-model';
import { LearnedDispatchModel, replayOutcomes } from '../../shared/dispatch/learned-model';
import { suggestDispatch } from '../../shared/dispatch/suggest';
import { LearnedExpansions } from '../../shared/kb/learned-expansions';
import type { DispatchScore, DispatchTicket, KbQuery, KbScore } from './metrics';
import { foldOf, readJsonLines, scoreDispatch, scoreKb } from './metrics';

const root = path.resolve(import.meta.dirname, '../..');
const resources = path.join(root, 'resources');
const heldout = path.join(root, 'test', 'data', 'heldout');

export interface DispatchReplay {
  shifts: number;
  unseen: number;
  /** The learned model alone (top-1) on the unseen part. */
  modelAloneTop1: number;
  /** The list without its keywords and caller phrasings (a list lacking the callers' words), before and after learning. */
  sparseList: { before: DispatchScore; after: DispatchScore };
  fullList: { before: DispatchScore; after: DispatchScore };
  model: LearnedDispatchModel;
}

/** Fold A of the held-out tickets replayed (twice) as dispatches kept by their leads; fold B measured. */
export function replayDispatchShifts(): DispatchReplay {
  const seed = readSeed(resources);
  const regions = readRegions(resources);
  const segment = jiebaSegmenter();
  const tickets = readJsonLines(path.join(heldout, 'dispatch-tickets.jsonl')) as (DispatchTicket & { expected_lead: string })[];
  const shifts: DispatchOutcome[] = tickets.filter((t) => foldOf(t.id) === 'a').map((t) => ({ kind: 'accepted', text: t.text, departmentId: t.expected_lead }));
  const unseen = tickets.filter((t) => foldOf(t.id) === 'b');
  const model = new LearnedDispatchModel(segment);
  replayOutcomes(model, [...shifts, ...shifts]);
  const measure = (keywords: boolean, learned: LearnedDispatchModel | null): DispatchScore => {
    const duties = keywords ? seed.duties : seed.duties.map((d) => ({ ...d, keywords: [], phrasings: [] }));
    const index = buildDutyIndex(duties, seed.departments, regions, segment);
    return scoreDispatch(unseen, (t) => suggestDispatch(index, { text: t.text, district: t.district }, segment, learned).flatMap((s) => (s.departmentId ? [s.departmentId] : [])));
  };
  const right = unseen.filter((t) => t.acceptable_leads.includes(model.rank(t.text)[0]?.departmentId ?? '')).length;
  return {
    shifts: shifts.length * 2,
    unseen: unseen.length,
    modelAloneTop1: unseen.length ? right / unseen.length : 0,
    sparseList: { before: measure(false, null), after: measure(false, model) },
    fullList: { before: measure(true, null), after: measure(true, model) },
    model,
  };
}

export interface KbReplay {
  replayed: number;
  askedAgain: KbQuery[];
  before: KbScore;
  after: KbScore;
}

/**
 * For every matter asked more than once in the held-out queries, the first caller's query is replayed as
 * operators opening, copying and marking the article 有用; the later callers' queries (other words) are
 * measured, never replayed.
 */
export function replayKbShifts(): KbReplay {
  const articles = readArticlesFile(shippedArticlesFile(resources));
  const status = new Map(articles.map((a) => [a.id, a.status]));
  const vocabulary = readShippedVocabulary(resources);
  const queries = readJsonLines(path.join(heldout, 'kb-queries.jsonl')) as KbQuery[];
  const firstAsked = new Map<string, KbQuery>();
  const askedAgain: KbQuery[] = [];
  for (const q of queries) {
    const matter = q.relevant[0] ?? '';
    if (firstAsked.has(matter)) askedAgain.push(q);
    else firstAsked.set(matter, q);
  }
  const replayed = [...firstAsked.values()].filter((q) => askedAgain.some((later) => later.relevant[0] === q.relevant[0]));
  const index = buildIndex(articles, vocabulary.synonyms, vocabulary.phrasings);
  const rank = (q: string): string[] => index.search(q, { limit: 10 }).map((h) => h.id);
  const before = scoreKb(askedAgain, rank, status);
  const learned = new LearnedExpansions(learningKeys);
  for (const q of replayed) for (const kind of ['opened', 'copied', 'helpful'] as const) learned.record({ query: q.q, articleId: q.relevant[0] ?? '', kind });
  index.useLearned(learned);
  return { replayed: replayed.length, askedAgain, before, after: scoreKb(askedAgain, rank, status) };
}
