import { z } from 'zod';
import { requestTypes } from '../tickets/ticket';
import { callStages } from './call-script';

/**
 * A practice call (练习): what the caller says, turn by turn, and what a
 * well-trained operator registers for it. Shipped in
 * `resources/data/training/scenarios.json`; the expected category and lead
 * come from the shipped responsibility list (a services test checks them
 * against it and against the dispatch suggestion).
 */

/** A voice file in `resources/data/training/audio/`: a plain name, never a path. */
export const audioFileNameSchema = z
  .string()
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(mp3|ogg|wav|m4a|webm)$/u, 'audio is a file name in training/audio (mp3, ogg, wav, m4a, webm)');

export const dispositions = ['transfer', 'answer'] as const;
export type Disposition = (typeof dispositions)[number];

export const scenarioTurnSchema = z.object({
  /** The call stage this turn belongs to: the guide follows it. */
  stage: z.enum(callStages),
  text: z.string().min(1).max(500),
});

export const practiceExpectationSchema = z.object({
  requestType: z.enum(requestTypes),
  category: z.tuple([z.string().min(1).max(40), z.string().min(1).max(40)]),
  /** 转办 to a department, or 直接答复 from the knowledge base. */
  disposition: z.enum(dispositions),
  /** The department that owns the matter (the lead of a transfer), a department id of the responsibility list. */
  lead: z.string().min(1).max(60),
});
export type PracticeExpectation = z.infer<typeof practiceExpectationSchema>;

export const scenarioSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,20}$/u),
  title: z.string().min(1).max(40),
  /** 基础 / 提高. */
  level: z.string().min(1).max(10),
  /** As the phone would show the caller; the name may be withheld. */
  caller: z.object({ name: z.string().max(40), number: z.string().min(3).max(20) }),
  location: z.object({ district: z.string().min(1).max(40).nullable(), town: z.string().min(1).max(40).nullable(), address: z.string().max(200) }),
  /** Played when the file is present; the text is shown either way. */
  audio: audioFileNameSchema.nullable(),
  turns: z.array(scenarioTurnSchema).min(1).max(20),
  expected: practiceExpectationSchema,
  /** Why each expected answer is right, shown with the score. */
  explanation: z.object({ requestType: z.string().min(1).max(300), category: z.string().min(1).max(300), lead: z.string().min(1).max(300) }),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioFileSchema = z
  .object({ version: z.number().int().min(1), scenarios: z.array(scenarioSchema) })
  .refine((file) => new Set(file.scenarios.map((s) => s.id)).size === file.scenarios.length, { message: 'scenario ids are unique' });
