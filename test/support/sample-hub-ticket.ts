import type { HubTicket } from '../../shared/hub/hub-ticket';
import type { TicketRegistration } from '../../shared/tickets/ticket';
import { sampleRegistration } from './sample-ticket';

/** A ticket as the hub's pull feed sends it back: transferred to the city's urban management bureau; override what the case is about. */
export function sampleHubTicket(overrides: Partial<HubTicket> = {}, registration: Partial<TicketRegistration> = {}): HubTicket {
  const reg = sampleRegistration(registration);
  return {
    id: reg.id,
    number: '20261122-000001',
    state: 'transferred',
    registration: reg,
    contactMasked: false,
    answer: null,
    transfer: { lead: 'city-urban', co: [], dutyId: 'D-0001', timeLimitDays: 3, timeLimitReason: null, supervision: 'none', notes: '' },
    callback: null,
    reply: null,
    returnReason: null,
    supplements: [],
    urgeCount: 0,
    supervision: 'none',
    author: 'op01',
    deskId: 'desk-0000-test',
    trainee: false,
    review: 'not_required',
    reviewComment: null,
    createdAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
