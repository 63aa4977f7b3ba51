import type { DeskHandlers } from '../../../shared/desk-handlers';
import { joinRoleRefusal, refused } from '../../../shared/phone/join-call';
import { mergeDisjoint } from '../../../shared/merge-disjoint';
import type { HubSession } from '../hub/hub-session';
import type { DeskLogger } from '../logger';
import type { JoinRelay } from './join-relay';
import type { PhoneService } from './phone-service';

export interface PhoneHandlerDeps {
  phone: PhoneService;
  joins: JoinRelay;
  hub: HubSession;
  logger: DeskLogger;
}

/** The softphone's settings and call records, and a supervisor joining a seat's call through the workbench's phone. */
export const phoneHandlers = ({ phone, joins, hub, logger }: PhoneHandlerDeps) =>
  mergeDisjoint(phone.handlers(), {
    joinSeatCall: async (input) => {
      const refusal = joinRoleRefusal(hub.account()?.role);
      const outcome = refusal ? refused(refusal) : await joins.request(input);
      // Who joined whose call and how: supervisors' interventions are asked about afterwards.
      logger.info({ join: input, by: hub.account()?.username ?? null, outcome }, 'supervisor join requested');
      return outcome;
    },
    answerJoinSeatCall: ({ requestId, outcome }) => ({ accepted: joins.answer(requestId, outcome) }),
  } satisfies Pick<DeskHandlers, 'joinSeatCall' | 'answerJoinSeatCall'>);
