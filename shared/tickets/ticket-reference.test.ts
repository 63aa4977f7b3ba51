import { describe, expect, it } from 'vitest';
import { ticketNumberSchema } from '../hub/hub-ticket';
import { ticketIdSchema } from './ticket';
import { uuidv7 } from './uuid7';
import { isRelatedTicketReference, isTicketId, isTicketNumber } from './ticket-reference';

const samples = [
  '',
  '20260101-000001',
  '20260101-1234567',
  '20260101-00001',
  '2026011-000001',
  ' 20260101-000001',
  '20260101-000001\n',
  uuidv7(),
  uuidv7().toUpperCase(),
  '01890a5d-ac96-774b-bcce-b302099a8057',
  '01890a5d-ac96-474b-bcce-b302099a8057',
  '01890a5d-ac96-774b-7cce-b302099a8057',
  '01890a5d-ac96-774b-bcce-b302099a805',
  '00000000-0000-0000-0000-000000000000',
  'not a ticket',
];

describe('ticket references without zod', () => {
  it('answer as the schemas do', () => {
    for (const text of samples) {
      expect(isTicketNumber(text), text).toBe(ticketNumberSchema.safeParse(text).success);
      expect(isTicketId(text), text).toBe(ticketIdSchema.safeParse(text).success);
      expect(isRelatedTicketReference(text), text).toBe(text === '' || ticketNumberSchema.safeParse(text).success || ticketIdSchema.safeParse(text).success);
    }
  });

  it('take a number or a UUIDv7 and refuse the rest', () => {
    expect(isRelatedTicketReference('20260101-000001')).toBe(true);
    expect(isRelatedTicketReference(uuidv7())).toBe(true);
    expect(isRelatedTicketReference('01890a5d-ac96-474b-bcce-b302099a8057')).toBe(false);
    expect(isRelatedTicketReference('2026-01-01')).toBe(false);
  });
});
