import { hubApi } from '../../shared/hub/hub-api';
import { mergeDisjoint } from '../../shared/merge-disjoint';
import { accountHandlers } from './accounts/account-handlers';
import { alertHandlers } from './alerts/alert-handlers';
import { auditHandlers } from './audit/audit-handlers';
import { catalogueHandlers } from './catalogue/catalogue-handlers';
import { deskHandlers } from './desks/desk-handlers';
import { learningHandlers } from './learning/learning-handlers';
import { metaHandlers } from './http/meta-handlers';
import type { HubHandlers } from './http/route';
import { bindRoutes } from './http/route';
import { presenceHandlers } from './presence/presence-handlers';
import { statsHandlers } from './stats/stats-handlers';
import { syncHandlers } from './sync/sync-handlers';
import { ticketHandlers } from './tickets/ticket-handlers';
import { trainingHandlers } from './training/training-handlers';

/**
 * Every handler of the hub, one domain module each, merged so that a route
 * handled twice does not compile; the annotation refuses a missing one.
 * The routes themselves are declared in shared/hub/hub-api.ts.
 */
export const hubHandlers: HubHandlers = mergeDisjoint(
  accountHandlers,
  deskHandlers,
  syncHandlers,
  ticketHandlers,
  auditHandlers,
  catalogueHandlers,
  presenceHandlers,
  alertHandlers,
  trainingHandlers,
  statsHandlers,
  learningHandlers,
  metaHandlers,
);

/** Every route of the hub: its spec from the contract with its handler. */
export const hubRoutes = bindRoutes(hubApi, hubHandlers);
