import { create } from 'zustand';
import type { CallStage, StageEvent } from '../../../../shared/training/call-script';
import { nextStage } from '../../../../shared/training/call-stages';
import type { PracticeResult, PracticeScenario, TrainingMaterial } from '../../../../shared/training/practice';
import { desk } from '../../desk/desk';

/** A practice call in progress: the scenario, how much of it the caller has said, the trainee's lead choice, the score once submitted. */
export interface PracticeSession {
  /** Counts sessions, so the ticket form knows a new scenario started even when one follows another. */
  n: number;
  scenario: PracticeScenario;
  startedAt: string;
  /** Caller turns on screen. */
  shown: number;
  /** The lead department chosen for a transfer; null: answered directly; undefined: not chosen yet. */
  lead: string | null | undefined;
  submitting: boolean;
  result: PracticeResult | null;
}

interface TrainingState {
  material: TrainingMaterial | null;
  loaded: boolean;
  /** The call stage the guide highlights; null: no call in progress. */
  stage: CallStage | null;
  practice: PracticeSession | null;
  recordsOpen: boolean;
  /** Bumped when a result is stored, so the record reads again. */
  recorded: number;
  /** Bumped to ask the practice panel's lead picker to take the focus. */
  leadFocusRequest: number;
  load: () => Promise<void>;
  stageEvent: (event: StageEvent) => void;
  practiceStarted: (scenario: PracticeScenario) => void;
  turnShown: () => void;
  leadChosen: (lead: string | null) => void;
  leadFocusRequested: () => void;
  submitStarted: () => void;
  submitFailed: () => void;
  practiceScored: (result: PracticeResult) => void;
  practiceEnded: () => void;
  recordsToggled: (open?: boolean) => void;
}

export const useTrainingStore = create<TrainingState>()((set, get) => ({
  material: null,
  loaded: false,
  stage: null,
  practice: null,
  recordsOpen: false,
  recorded: 0,
  leadFocusRequest: 0,
  load: async () => {
    if (get().loaded) return;
    const result = await desk.getTrainingMaterial();
    set({ material: result.ok ? result.value : null, loaded: result.ok });
  },
  stageEvent: (event) => {
    set((s) => ({ stage: nextStage(s.stage, event) }));
  },
  practiceStarted: (scenario) => {
    set((s) => ({
      practice: { n: (s.practice?.n ?? 0) + 1, scenario, startedAt: new Date().toISOString(), shown: 1, lead: undefined, submitting: false, result: null },
      // A practice call is answered at once: its first turn is the caller's greeting.
      stage: nextStage(nextStage(s.stage, { kind: 'callAnswered' }), { kind: 'reached', stage: scenario.turns[0]?.stage ?? 'greeting' }),
    }));
  },
  turnShown: () => {
    const practice = get().practice;
    if (!practice || practice.shown >= practice.scenario.turns.length) return;
    const turn = practice.scenario.turns[practice.shown];
    set((s) => ({ practice: { ...practice, shown: practice.shown + 1 }, stage: turn ? nextStage(s.stage, { kind: 'reached', stage: turn.stage }) : s.stage }));
  },
  leadChosen: (lead) => {
    const practice = get().practice;
    if (practice) set({ practice: { ...practice, lead } });
  },
  leadFocusRequested: () => {
    set((s) => ({ leadFocusRequest: s.leadFocusRequest + 1 }));
  },
  submitStarted: () => {
    const practice = get().practice;
    if (practice) set({ practice: { ...practice, submitting: true } });
  },
  submitFailed: () => {
    const practice = get().practice;
    if (practice) set({ practice: { ...practice, submitting: false } });
  },
  practiceScored: (result) => {
    const practice = get().practice;
    if (!practice) return;
    set((s) => ({
      practice: { ...practice, submitting: false, result, shown: practice.scenario.turns.length },
      stage: nextStage(s.stage, { kind: 'ticketSaved' }),
      recorded: s.recorded + 1,
    }));
  },
  practiceEnded: () => {
    set((s) => ({ practice: null, stage: nextStage(s.stage, { kind: 'reset' }) }));
  },
  recordsToggled: (open) => {
    set((s) => ({ recordsOpen: open ?? !s.recordsOpen }));
  },
}));

/** Whether a practice call holds the registration form: its save is scored, never registered. */
export function isPractising(): boolean {
  return useTrainingStore.getState().practice !== null;
}

/** How long a caller's turn takes to say (about four characters a second), within bounds, before the next one shows. */
export function turnDelayMs(text: string): number {
  return Math.min(10_000, 1_000 + 250 * text.length);
}
