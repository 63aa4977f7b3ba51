import { z } from 'zod';
import { learnedModelSnapshotSchema } from '../dispatch/learned-model';
import { isoInstantSchema } from '../iso-instant';
import { learnedExpansionsSnapshotSchema } from '../kb/learned-expansions';

/**
 * What the hub learns from the centre's own work, shipped to desks as one versioned snapshot: the dispatch model
 * (dispatches departments kept, pushed away by their returns) and the knowledge base's query → article
 * expansions (articles operators opened, copied and marked 有用). Every retraining is a new version; a desk keeps
 * the newest it accepted and asks with its version, so an unchanged snapshot costs one small answer.
 */

/** Largest snapshot a desk reads: a larger answer is refused unread and the desk keeps the one it has. */
export const LEARNED_SNAPSHOT_MAX_BYTES = 8 * 1024 * 1024;

export const learnedEvidenceSchema = z.object({
  /** Dispatches whose lead department kept the ticket. */
  accepted: z.number().int().nonnegative(),
  /** Returns (退回) by the lead department. */
  returned: z.number().int().nonnegative(),
  /** Articles opened, copied or marked 有用 after a query. */
  kbUses: z.number().int().nonnegative(),
});
export type LearnedEvidence = z.infer<typeof learnedEvidenceSchema>;

export const learnedSnapshotSchema = z
  .object({
    version: z.number().int().min(1),
    trainedAt: isoInstantSchema,
    evidence: learnedEvidenceSchema,
    dispatch: learnedModelSnapshotSchema,
    kb: learnedExpansionsSnapshotSchema,
  })
  .refine((s) => s.dispatch.version === s.version && s.kb.version === s.version, { message: '快照内两部分的版本须与快照版本一致', path: ['version'] });
export type LearnedSnapshot = z.infer<typeof learnedSnapshotSchema>;

/** A snapshot's version and what it was trained on, without its weights: for status lines and the admin tool. */
export const learnedVersionSchema = z.object({ version: z.number().int().min(1), trainedAt: isoInstantSchema, evidence: learnedEvidenceSchema });
export type LearnedVersion = z.infer<typeof learnedVersionSchema>;

export const learnedQuerySchema = z.strictObject({
  /** The version the desk has (0: none): the answer carries a snapshot only when the hub has a newer one. */
  have: z.coerce.number().int().min(0).default(0),
});

export const learnedAnswerSchema = z.discriminatedUnion('current', [
  /** Nothing newer than `have` (version 0: the hub has not trained yet). */
  z.object({ current: z.literal(true), version: z.number().int().min(0) }),
  z.object({ current: z.literal(false), snapshot: learnedSnapshotSchema }),
]);
export type LearnedAnswer = z.infer<typeof learnedAnswerSchema>;
