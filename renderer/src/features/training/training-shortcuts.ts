import type { TFunction } from 'i18next';
import type { ActionHandlers } from '../../shortcuts/use-shortcuts';
import { useSettingsStore } from '../../stores/settings-store';
import { useHubStore } from '../../core/hub-store';
import { startPractice } from './practice-start';
import { useTrainingStore } from './training-store';
import { practiceRefusalKeys } from '../../i18n/training/keys';

type TrainingActionId = Extract<keyof ActionHandlers, `training.${string}`>;

/** What the 实训 shortcuts do (bound with every other action in the workbench's shortcut hook). */
export function trainingShortcutHandlers(info: (text: string) => void, warn: (text: string) => void, t: TFunction): Record<TrainingActionId, () => void> {
  const training = useTrainingStore.getState;
  return {
    'training.toggleGuide': () => {
      const { settings, update } = useSettingsStore.getState();
      if (useHubStore.getState().session?.role === 'trainee') {
        info(t('training:guide.alwaysForTrainees'));
        return;
      }
      const on = !settings.trainingGuide;
      void update({ trainingGuide: on }).then((saved) => {
        if (saved) info(on ? t('training:guide.turnedOn') : t('training:guide.turnedOff'));
      });
    },
    'training.nextStage': () => {
      training().stageEvent({ kind: 'next' });
    },
    'training.previousStage': () => {
      training().stageEvent({ kind: 'previous' });
    },
    'training.practice': () => {
      void startPractice().then((outcome) => {
        if (outcome !== 'started') warn(t(practiceRefusalKeys[outcome]));
      });
    },
    'training.nextTurn': () => {
      if (training().practice) training().turnShown();
      else info(t('training:practice.none'));
    },
    'training.focusLead': () => {
      if (training().practice) training().leadFocusRequested();
      else info(t('training:practice.none'));
    },
    'training.endPractice': () => {
      if (training().practice) training().practiceEnded();
      else info(t('training:practice.none'));
    },
    'training.records': () => {
      training().recordsToggled();
    },
  };
}
