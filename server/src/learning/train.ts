import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { LearnedDispatchModel } from '../../../shared/dispatch/learned-model';
import type { LearnedSnapshot } from '../../../shared/hub/learned';
import { LEARNED_SNAPSHOT_MAX_BYTES } from '../../../shared/hub/learned';
import { LearnedExpansions, learningKeysWith } from '../../../shared/kb/learned-expansions';
import type { Sql } from '../db/sql';
import { dispatchOutcomesAfter, kbUsesAfter } from './evidence';
import { dispatchSegmenter, queryCut } from './hub-jieba';

/** Rows read per query. */
const PAGE = 200;
/** CPU spent learning before the event loop serves what waits: a request meanwhile waits at most about this. */
const SLICE_MS = 8;
/** Passes over the dispatch history (the online model settles on a second look, as the replays showed). */
const DISPATCH_PASSES = 2;
/** What one snapshot may hold at most; halved until it fits the desks' cap. */
const MAX_FEATURES = 60_000;
const MAX_KEYS = 30_000;

/** A trained snapshot before it is given its version (the store numbers it as it saves it). */
export type TrainedSnapshot = Omit<LearnedSnapshot, 'version'>;

/**
 * Trains both learned parts from the hub's records. CPU-bound, so it runs in slices: after every SLICE_MS of
 * learning the event loop serves waiting requests. Building the snapshot at the end is one piece (a few hundred
 * milliseconds for a large model). Memory is the model's, not
 * the history's: pages are read and dropped.
 */
export async function trainFromHistory(sql: Sql, now: Date): Promise<TrainedSnapshot> {
  let sliceStart = performance.now();
  const breathe = async (): Promise<void> => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToRequests();
    sliceStart = performance.now();
  };
  const model = new LearnedDispatchModel(dispatchSegmenter);
  for (let pass = 0; pass < DISPATCH_PASSES; pass++) {
    for (let after = 0; ; ) {
      const page = await dispatchOutcomesAfter(sql, after, PAGE);
      for (const o of page.outcomes) {
        if (o.kind === 'accepted') model.learnAccepted(o.text, o.departmentId);
        else model.learnReturned(o.text, o.departmentId);
        await breathe();
      }
      if (page.last === after) break;
      after = page.last;
    }
  }
  const accepted = model.accepted / DISPATCH_PASSES;
  const returned = model.returned / DISPATCH_PASSES;

  const expansions = new LearnedExpansions(learningKeysWith(queryCut));
  let kbUses = 0;
  for (let after = 0; ; ) {
    const page = await kbUsesAfter(sql, after, PAGE * 5);
    for (const use of page.uses) {
      expansions.record(use);
      await breathe();
    }
    kbUses += page.uses.length;
    if (page.last === after) break;
    after = page.last;
  }

  for (let shrink = 1; shrink <= 8; shrink *= 2) {
    const dispatch = model.snapshot(0, Math.floor(MAX_FEATURES / shrink));
    const snapshot: TrainedSnapshot = {
      trainedAt: now.toISOString(),
      evidence: { accepted, returned, kbUses },
      dispatch: { ...dispatch, accepted, returned },
      kb: expansions.snapshot(0, Math.floor(MAX_KEYS / shrink)),
    };
    // The version number is a few bytes; the margin covers it.
    if (Buffer.byteLength(JSON.stringify(snapshot)) < LEARNED_SNAPSHOT_MAX_BYTES - 1024) return snapshot;
    await yieldToRequests();
  }
  throw new Error(`learned snapshot does not fit ${String(LEARNED_SNAPSHOT_MAX_BYTES)} bytes even with an eighth of its features`);
}
