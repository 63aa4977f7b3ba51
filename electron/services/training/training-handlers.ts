import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { Authorship } from '../authorship';
import type { TrainingService } from './training-service';

/** 实训: the material, the scenarios' voice files, and practice results (each queued for the hub's placement record). */
export const trainingHandlers = ({ training, authorship }: { training: TrainingService; authorship: Authorship }) =>
  ({
    getTrainingMaterial: () => training.material(),
    getPracticeAudio: ({ file }) => training.audio(file),
    recordPracticeResult: (input) => authorship.queued(training.record(input)),
    listPracticeResults: ({ limit }) => training.list(limit),
  }) satisfies Pick<DeskHandlers, 'getTrainingMaterial' | 'getPracticeAudio' | 'recordPracticeResult' | 'listPracticeResults'>;
