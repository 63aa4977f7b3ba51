import { z } from 'zod';
import { callScriptSchema } from './call-script';
import { audioFileNameSchema, scenarioSchema } from './scenario';
import { scoreItemIds } from './score';

/** The DeskApi side of 实训 (declared in desk-api.ts): material, voice files, the placement record. */

export const trainingMaterialSchema = z.object({
  /** Null when the shipped script cannot be read: the guide then says so instead of guessing. */
  script: callScriptSchema.nullable(),
  /** Each scenario says whether its voice file is present on this desk. */
  scenarios: z.array(scenarioSchema.extend({ audioAvailable: z.boolean() })),
});
export type TrainingMaterial = z.infer<typeof trainingMaterialSchema>;
export type PracticeScenario = TrainingMaterial['scenarios'][number];

export const practiceAudioInputSchema = z.object({ file: audioFileNameSchema });
/** A voice file as data for a blob: URL (the workbench's CSP plays media from blob: only). */
export const practiceAudioSchema = z.object({ mime: z.string().max(40), base64: z.string() }).nullable();

export const practiceAnswerSchema = z.object({
  requestType: z.string().max(10).nullable(),
  category: z.array(z.string().max(40)).max(3),
  lead: z.string().min(1).max(60).nullable(),
});

export const recordPracticeResultInputSchema = z.object({
  scenarioId: scenarioSchema.shape.id,
  answer: practiceAnswerSchema,
  /** When the practice call started (the first caller turn); ISO instant. */
  startedAt: z.iso.datetime({ offset: true }),
});

export const scoreItemSchema = z.object({
  id: z.enum(scoreItemIds),
  correct: z.boolean(),
  given: z.string().nullable(),
  expected: z.string(),
});

export const practiceResultSchema = z.object({
  id: z.number().int(),
  /** The signed-in account, or the seat when the desk works without the hub. */
  trainee: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  score: z.number().int().min(0).max(100),
  right: z.number().int().min(0),
  total: z.number().int().min(1),
  items: z.array(scoreItemSchema),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type PracticeResult = z.infer<typeof practiceResultSchema>;

export const listPracticeResultsInputSchema = z.object({ limit: z.number().int().min(1).max(500).default(200) });
