import { describe, expect, it } from 'vitest';
import { sampleRegistration } from '../../test/support/sample-ticket';
import { canTransition, ticketRegistrationSchema, ticketStates } from './ticket';

const valid = sampleRegistration({ id: '0190f3c2-7a4b-7c1d-8e2f-0123456789ab' });

describe('ticket contract', () => {
  it('accepts a complete registration', () => {
    expect(ticketRegistrationSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses an oversized description with the field path, a code and the limit', () => {
    const result = ticketRegistrationSchema.safeParse({ ...valid, description: '字'.repeat(2_001) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['description']);
    expect(result.error?.issues[0]).toMatchObject({ message: 'DESCRIPTION_TOO_LONG', maximum: 2_000 });
  });

  it('refuses an id that is not a UUIDv7 and a number with letters', () => {
    expect(ticketRegistrationSchema.safeParse({ ...valid, id: '0190f3c2-7a4b-4c1d-8e2f-0123456789ab' }).success).toBe(false);
    expect(ticketRegistrationSchema.safeParse({ ...valid, callerNumber: '138abc' }).success).toBe(false);
  });

  it('allows only the documented state changes, and nothing after closing', () => {
    expect(canTransition('registered', 'transferred')).toBe(true);
    expect(canTransition('transferred', 'replied')).toBe(false);
    for (const state of ticketStates) expect(canTransition('closed', state)).toBe(false);
  });
});
