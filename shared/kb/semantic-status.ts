import { z } from 'zod';

/** Why the semantic model's folder could not be used (the desk words each one). */
export const semanticModelProblems = ['MODEL_MISSING', 'TOKENIZER_MISSING', 'MODEL_TOO_LARGE', 'MODEL_UNREADABLE', 'MODEL_UNSUPPORTED', 'VECTORS_FAILED'] as const;
export type SemanticModelProblem = (typeof semanticModelProblems)[number];

/**
 * The optional semantic model (a sentence-embedding model a centre installs, `semanticModelPath` in the
 * settings): off, loading, computing the articles' vectors (with progress), in use, or refused with a reason.
 * Knowledge search is lexical in every state but `ready`.
 */
export const semanticModelStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('loading') }),
  z.object({ state: z.literal('indexing'), done: z.number().int().min(0), total: z.number().int().min(0) }),
  z.object({ state: z.literal('ready'), articles: z.number().int().min(0), dimensions: z.number().int().min(1) }),
  z.object({ state: z.literal('failed'), problem: z.enum(semanticModelProblems) }),
]);
export type SemanticModelStatus = z.infer<typeof semanticModelStatusSchema>;
