import type { BenchArea } from './bench-area';
import { uiBench } from './ui.bench';
import { sipBench } from './sip.bench';

/** Every benchmark area, in the order `npm run bench` runs them. Add new areas here. */
export const benchAreas: BenchArea[] = [uiBench, sipBench];
