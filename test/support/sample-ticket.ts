import { uuidv7 } from '../../shared/tickets/uuid7';
import type { TicketRegistration } from '../../shared/tickets/ticket';

/** One valid registration (a fresh UUIDv7 each time) for tests and benchmarks; override what the case is about. */
export function sampleRegistration(overrides: Partial<TicketRegistration> = {}): TicketRegistration {
  return {
    id: uuidv7(),
    callerName: '王女士',
    callerNumber: '13800000000',
    location: { district: '兰山区', town: null, address: '某小区' },
    requestType: '投诉',
    category: ['城市管理', '占道经营'],
    description: '门店把货架摆到人行道上，行人只能走机动车道。',
    urgency: 'normal',
    confidential: false,
    unreasonableReason: null,
    relatedTicketId: null,
    calledAt: '2026-11-22T08:00:00+08:00',
    ...overrides,
  };
}
