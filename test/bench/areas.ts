import { alertBench } from './alert.bench';
import type { BenchArea } from './bench-area';
import { boardBench } from './board.bench';
import { deskBench } from './desk.bench';
import { dispatchBench } from './dispatch.bench';
import { hubBench } from './hub.bench';
import { kbBench } from './kb.bench';
import { learnBench } from './learn.bench';
import { semanticBench } from './semantic.bench';
import { shiftBench } from './shift.bench';
import { sipBench } from './sip.bench';
import { uiBench } from './ui.bench';

/** Every benchmark area, in the order `npm run bench` runs them. Add new areas here. */
export const benchAreas: BenchArea[] = [uiBench, deskBench, kbBench, semanticBench, dispatchBench, sipBench, hubBench, boardBench, alertBench];

/** Areas too long for a plain `npm run bench`: run only when named (`npm run bench -- shift`). */
export const namedOnlyAreas: BenchArea[] = [shiftBench, learnBench];
