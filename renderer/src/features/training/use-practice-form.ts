import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { parsePhoneNumber } from '../../../../shared/phone/phone-number';
import { desk } from '../../desk/desk';
import { i18n } from '../../i18n/i18n';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import type { RegistrationValues } from '../../core/draft-mapping';
import type { DraftAutosave } from '../../core/use-draft-autosave';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useTrainingStore } from './training-store';
import { deskErrorText } from '../../i18n/error-text';

function clearForm(form: FormInstance<RegistrationValues>): void {
  form.resetFields();
  useTicketDraftStore.getState().cleared();
  useTicketSessionStore.getState().draftStatusChanged({ kind: 'idle' });
}

/**
 * Lends the registration form to a practice call: the operator's draft is
 * saved first and the form cleared; when practice ends the form is cleared
 * again and the saved draft read back. While practising, the form's changes
 * are not saved as the draft (the ticket area asks `isPractising`).
 */
export function usePracticeForm(form: FormInstance<RegistrationValues>, autosave: Pick<DraftAutosave, 'flush' | 'reload'>): void {
  const latest = useRef(autosave);
  useEffect(() => {
    latest.current = autosave;
  });
  useEffect(
    () =>
      useTrainingStore.subscribe((state, previous) => {
        const now = state.practice?.n ?? null;
        const before = previous.practice?.n ?? null;
        if (now === before) return;
        void (async () => {
          if (now !== null) {
            if (before === null) await latest.current.flush();
            clearForm(form);
            return;
          }
          clearForm(form);
          await latest.current.reload();
          // Practice ended because a real call was answered: its number belongs in the form.
          const call = useTicketDraftStore.getState().call;
          if (call && !form.getFieldValue('callerNumber') && parsePhoneNumber(call.number).ok) form.setFieldValue('callerNumber', call.number);
        })();
      }),
    [form],
  );
}

/**
 * The practice call's "save": scores the form's answers (and the lead chosen in the practice panel)
 * in the local services and shows the result. Nothing is registered, nothing queued for the hub.
 */
export async function submitPractice(values: RegistrationValues, notify: (kind: 'info' | 'error', text: string) => void): Promise<void> {
  const { practice, submitStarted, submitFailed, practiceScored } = useTrainingStore.getState();
  if (!practice || practice.submitting) return;
  if (practice.result) {
    notify('info', i18n.t('training:practice.alreadyScored'));
    return;
  }
  submitStarted();
  const result = await desk.recordPracticeResult({
    scenarioId: practice.scenario.id,
    answer: { requestType: values.requestType ?? null, category: values.category, lead: practice.lead ?? null },
    startedAt: practice.startedAt,
  });
  if (!result.ok) {
    submitFailed();
    notify('error', i18n.t('training:practice.scoreFailed', { reason: deskErrorText(i18n.t, result.error) }));
    return;
  }
  practiceScored(result.value);
  window.setTimeout(() => document.querySelector<HTMLElement>('[data-testid="practice-score"]')?.focus(), 50);
}
