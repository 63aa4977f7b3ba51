import { nextScenarioId } from '../../../../shared/training/next-scenario';
import { desk } from '../../desk/desk';
import { usePhoneStore } from '../phone';
import { useTicketSessionStore, whenTicketFormsIn } from '../../core/ticket-session-store';
import { useTrainingStore } from './training-store';

export type PracticeStart = 'started' | 'onCall' | 'ticketOpen' | 'noScenarios';

/**
 * Starts the next practice call (Alt+P): the first scenario not practised yet,
 * then the weakest. Refused while a real call is live or a registered ticket
 * still waits for its transfer or answer: practice never gets in the way of
 * real work.
 */
export async function startPractice(): Promise<PracticeStart> {
  // The practice borrows the registration form: it starts once the form is in (the first second after a start).
  await new Promise<void>((resolve) => {
    whenTicketFormsIn(resolve);
  });
  if (Object.keys(usePhoneStore.getState().calls).length > 0) return 'onCall';
  if (useTicketSessionStore.getState().ticket) return 'ticketOpen';
  await useTrainingStore.getState().load();
  const { material, practice } = useTrainingStore.getState();
  const scenarios = material?.scenarios ?? [];
  const results = await desk.listPracticeResults({ limit: 500 });
  const id = nextScenarioId(
    scenarios.map((s) => s.id),
    results.ok ? results.value : [],
    practice?.scenario.id ?? null,
  );
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) return 'noScenarios';
  useTrainingStore.getState().practiceStarted(scenario);
  useTicketSessionStore.getState().sectionFocusRequested('registration');
  return 'started';
}
