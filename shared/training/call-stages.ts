/** The five stages of a call as a trainee learns it (see call-script.ts), and how the guide moves through them. */
export const callStages = ['greeting', 'verify', 'listen', 'resolve', 'close'] as const;
export type CallStage = (typeof callStages)[number];

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
