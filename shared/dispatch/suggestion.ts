import { z } from 'zod';

/** What the dispatch suggestion reads from a ticket (the registration form or a test file). */
export const dispatchQuerySchema = z.object({
  text: z.string().max(20_000),
  district: z.string().min(1).max(40).nullable(),
  town: z.string().min(1).max(40).nullable().default(null),
  address: z.string().max(200).default(''),
  /** 咨询, 求助, 投诉 … (see tickets/ticket.ts); informative only, the matter decides the unit. */
  requestType: z.string().max(10).nullable().default(null),
  /** The matter category chosen at registration, when the operator has chosen one. */
  category: z.tuple([z.string().min(1).max(40), z.string().min(1).max(40)]).nullable().default(null),
  limit: z.number().int().min(1).max(10).default(3),
});
export type DispatchQuery = z.input<typeof dispatchQuerySchema>;

export const leadResolutionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('named'), departmentId: z.string() }),
  z.object({ kind: z.literal('district'), departmentId: z.string(), district: z.string() }),
  z.object({ kind: z.literal('town'), departmentId: z.string(), district: z.string(), via: z.string() }),
  z.object({ kind: z.literal('town-fallback'), departmentId: z.string(), district: z.string() }),
  z.object({ kind: z.literal('unresolved'), literal: z.string() }),
]);

/** Why a duty entry matched: shown to the operator next to each suggestion. */
export const matchReasonsSchema = z.object({
  /** The duty's own keywords found in the text. */
  keywords: z.array(z.string()),
  /** Other words shared by the text and the entry (its matter wording, category, cross-references). */
  terms: z.array(z.string()),
  /** The entry applies to the 市区 or to the counties only, and the ticket's district fits. */
  scope: z.enum(['urban', 'county', 'any']),
  /** Where the district came from when the form had none: a place named in the text. */
  districtFromText: z.string().nullable(),
  categoryMatched: z.boolean(),
  lead: leadResolutionSchema,
  /**
   * Present when the centre's learned model took part: its probability for this department (0–1), learned
   * from dispatches departments kept and tickets they returned. The duty entry above stays the explanation.
   */
  learned: z.number().min(0).max(1).optional(),
});
export type MatchReasons = z.infer<typeof matchReasonsSchema>;

export const dispatchSuggestionSchema = z.object({
  /** Null when the entry's lead is 属地 and the ticket has no district yet: choose the district to resolve it. */
  departmentId: z.string().nullable(),
  /** The department's name, or the 属地 literal when unresolved. */
  departmentName: z.string(),
  /** Relative strength; comparable within one answer only. */
  score: z.number(),
  duty: z.object({
    id: z.string(),
    matter: z.string(),
    category: z.tuple([z.string(), z.string()]),
    timeLimitDays: z.number().int(),
    basis: z.string(),
    notes: z.string().nullable(),
    /** Co-handling units with 属地 literals resolved; unresolved ones are left out. */
    co: z.array(z.string()),
  }),
  reasons: matchReasonsSchema,
});
export type DispatchSuggestion = z.infer<typeof dispatchSuggestionSchema>;
