import type { HubHandlers } from '../http/route';
import { listTrainees, placementRecord } from './placement';

/** 实训: the trainee list and each trainee's placement record. */
export const trainingHandlers = {
  listTrainees: ({ hub }) => listTrainees(hub),
  placement: ({ hub, user, params, query }) => placementRecord(hub, user, params.account, query),
} satisfies Pick<HubHandlers, 'listTrainees' | 'placement'>;
