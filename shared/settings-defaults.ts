import type { Settings } from './settings';
import { defaultShiftRotation } from './shift-clock';
import { defaultClosingRule } from './tickets/closing-rules';

/** A new desk's settings: apart from their schema (settings.ts) so the workbench's first paint carries no zod. */
export const defaultSettings: Settings = {
  locale: 'zh-CN',
  theme: 'light',
  seatId: '',
  shortcuts: {},
  shift: defaultShiftRotation,
  knowledgePaneDetached: false,
  trainingGuide: false,
  hubUrl: '',
  stopCallsBeforeShiftEndMinutes: 10,
  labInsecureTransport: false,
  closeAfterCallback: defaultClosingRule,
  semanticModelPath: '',
};
