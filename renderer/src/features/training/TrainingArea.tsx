import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../stores/settings-store';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import { useHubStore } from '../../core/hub-store';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { PracticePanel } from './PracticePanel';
import { StageGuide } from './StageGuide';
import { TrainingRecords } from './TrainingRecords';
import { useTrainingStore } from './training-store';
import './training.css';
import { useNotices } from '../../core/notices';

/** Why the guide is on: a trainee's account, the desk's setting (Ctrl+Shift+G), or a practice call; null: off. */
export function useGuideReason(): 'trainee' | 'setting' | 'practice' | null {
  const trainee = useHubStore((s) => s.session?.role === 'trainee');
  const setting = useSettingsStore((s) => s.settings.trainingGuide);
  const practising = useTrainingStore((s) => s.practice !== null);
  if (practising) return 'practice';
  if (trainee) return 'trainee';
  return setting ? 'setting' : null;
}

/**
 * 实训 on the workbench: the call-stage guide for trainees (or whoever turns
 * it on), the practice call, and the 实训记录 drawer. The guide follows the
 * desk: an answered call starts it, a saved ticket closes it.
 */
export function TrainingArea(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const reason = useGuideReason();
  const practice = useTrainingStore((s) => s.practice);
  // Once scored, the practice's score and explanations take the room they need (nothing is being typed).
  const reviewing = practice?.result != null;

  useEffect(() => {
    if (reason) void useTrainingStore.getState().load();
    // Trainees get larger knowledge suggestions (training.css reads this).
    if (reason) document.documentElement.dataset.training = 'on';
    else delete document.documentElement.dataset.training;
  }, [reason]);

  useEffect(
    () =>
      useTicketDraftStore.subscribe((state, previous) => {
        const callId = state.call?.callId;
        if (!callId || callId === previous.call?.callId) return;
        const training = useTrainingStore.getState();
        // A real call always wins over practice.
        if (training.practice) {
          training.practiceEnded();
          message.info(t('training:practice.endedByCall'));
        }
        training.stageEvent({ kind: 'callAnswered' });
      }),
    [message, t],
  );

  useEffect(
    () =>
      useTicketSessionStore.subscribe((state, previous) => {
        if (state.ticket && !previous.ticket) useTrainingStore.getState().stageEvent({ kind: 'ticketSaved' });
      }),
    [],
  );

  // Fields scrolled into view (Alt+R, Tab) must land below the guide, not under it.
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = area.current;
    const pane = element?.parentElement;
    if (!element || !pane) return;
    const observer = new ResizeObserver(() => {
      const sticky = getComputedStyle(element).position === 'sticky';
      pane.style.scrollPaddingTop = sticky ? `${String(element.offsetHeight + 8)}px` : '';
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      pane.style.scrollPaddingTop = '';
    };
  }, [reason, reviewing]);

  return (
    <>
      {reason && (
        // Stays at the top of the call pane while the trainee types the ticket below it.
        <div ref={area} className={reviewing ? 'training-area training-area-review' : 'training-area'} data-testid="training-area">
          <StageGuide reason={reason} />
          {practice && <PracticePanel practice={practice} />}
        </div>
      )}
      <TrainingRecords />
    </>
  );
}
