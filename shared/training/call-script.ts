import { z } from 'zod';

/**
 * The call as a trainee learns it (实训): five stages, each with the centre's
 * standard phrases (规范用语) and the phrases to avoid. The phrases are data
 * (`resources/data/training/call-script.json`); the stage logic is here.
 */
export const callStages = ['greeting', 'verify', 'listen', 'resolve', 'close'] as const;
export type CallStage = (typeof callStages)[number];

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

/**
 * What moves the guide. The trainee steps forward or back by shortcut; the
 * desk moves it where the stage is obvious: an answered call starts at the
 * greeting, a saved ticket means the call is closing, a practice caller's
 * turn belongs to a stage. Automatic moves never go back, so a trainee who
 * is ahead of the caller is not pulled back.
 */
export type StageEvent =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'callAnswered' }
  | { kind: 'ticketSaved' }
  | { kind: 'reached'; stage: CallStage }
  | { kind: 'reset' };

function indexOf(stage: CallStage | null): number {
  return stage === null ? -1 : callStages.indexOf(stage);
}

/** The stage after `event`; null means no call in progress (the guide waits for the next one). */
export function nextStage(current: CallStage | null, event: StageEvent): CallStage | null {
  const at = indexOf(current);
  switch (event.kind) {
    case 'next':
      // After the close the guide waits for the next call; from there it starts again at the greeting.
      return at === callStages.length - 1 ? null : (callStages[at + 1] ?? null);
    case 'previous':
      return at <= 0 ? current : (callStages[at - 1] ?? current);
    case 'callAnswered':
      return 'greeting';
    case 'ticketSaved':
      return 'close';
    case 'reached':
      return indexOf(event.stage) > at ? event.stage : current;
    case 'reset':
      return null;
  }
}

/** Where each stage stands relative to the current one, for the guide's steps. */
export function stageStatus(stage: CallStage, current: CallStage | null): 'done' | 'current' | 'todo' {
  const at = indexOf(current);
  const index = indexOf(stage);
  if (index === at) return 'current';
  return index < at ? 'done' : 'todo';
}
