import { z } from 'zod';
import { callStages } from './call-stages';

/**
 * The call as a trainee learns it (实训): five stages, each with the centre's
 * standard phrases (规范用语) and the phrases to avoid. The phrases are data
 * (`resources/data/training/call-script.json`); the stage logic is in call-stages.ts.
 */

// The stages and how they move have no zod (the workbench's guide follows them from the first paint).
export { callStages, nextStage, stageStatus } from './call-stages';
export type { CallStage, StageEvent } from './call-stages';

export const scriptStageSchema = z.object({
  id: z.enum(callStages),
  title: z.string().min(1).max(20),
  /** What the operator does in this stage, in one sentence. */
  goal: z.string().min(1).max(200),
  phrases: z.array(z.string().min(1).max(200)).min(1).max(10),
  avoid: z.array(z.string().min(1).max(100)).max(10),
});
export type ScriptStage = z.infer<typeof scriptStageSchema>;

export const callScriptSchema = z
  .object({
    version: z.number().int().min(1),
    title: z.string().min(1).max(60),
    stages: z.array(scriptStageSchema),
  })
  .refine((s) => s.stages.length === callStages.length && s.stages.every((stage, i) => stage.id === callStages[i]), {
    message: `the script has the stages ${callStages.join(', ')}, in that order`,
  });
export type CallScript = z.infer<typeof callScriptSchema>;
