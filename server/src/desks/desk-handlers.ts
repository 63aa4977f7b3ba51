import type { HubHandlers } from '../http/route';
import { enrolDesk, listDesks, redeemEnrolment, retireDesk } from './enrolment';

/** Enrolled desks: the admins enrol and retire them, a desk redeems its one-time code. */
export const deskHandlers = {
  enrolDesk: ({ hub, user, body }) => enrolDesk(hub, user.sub, body),
  listDesks: ({ hub }) => listDesks(hub),
  retireDesk: ({ hub, params }) => retireDesk(hub, params.id),
  redeemEnrolment: ({ hub, ip, body }) => redeemEnrolment(hub, ip, body.code, body.deskId),
} satisfies Pick<HubHandlers, 'enrolDesk' | 'listDesks' | 'retireDesk' | 'redeemEnrolment'>;
