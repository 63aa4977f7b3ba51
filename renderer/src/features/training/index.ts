import { lazy } from 'react';

/**
 * 实训 for the rest of the workbench. The area (guide, practice call, records) is a chunk of its own,
 * fetched after the workbench has painted: most desks are not trainees', and none needs it to start.
 * The shortcut handlers and stores the workbench and the ticket form use are small and stay eager.
 */
export const TrainingArea = lazy(() => import('./TrainingArea').then((m) => ({ default: m.TrainingArea })));
export { trainingShortcutHandlers } from './training-shortcuts';
export { isPractising } from './training-store';
export { submitPractice, usePracticeForm } from './use-practice-form';
