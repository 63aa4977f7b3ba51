import { describe, expect, it } from 'vitest';
import { ticketDraftSchema } from '../../../shared/tickets/ticket-record';
import { draftToValues, emptyRegistrationValues, valuesToDraft, valuesToRegistration } from './draft-mapping';

const meta = { id: '0190f3c2-7a4b-7c1d-8e2f-0123456789ab', calledAt: '2026-11-22T08:00:00.000Z', linkedArticleIds: ['KB-0007'] };

describe('form values ↔ draft ↔ registration', () => {
  it('round-trips a half-filled form through a valid draft', () => {
    const values = { ...emptyRegistrationValues, callerName: '赵女士', location: ['兰山区', '银雀山街道'], category: ['城市管理', '占道经营'], description: '夜市占道' };
    const draft = valuesToDraft(values, meta);
    expect(ticketDraftSchema.parse(draft)).toEqual(draft);
    expect(draft).toMatchObject({ district: '兰山区', town: '银雀山街道', linkedArticleIds: ['KB-0007'] });
    expect(draftToValues(draft)).toEqual(values);
  });

  it('sends the standard reason only when the unreasonable flag is on, and an empty related ticket as none', () => {
    const values = { ...emptyRegistrationValues, unreasonable: false, unreasonableReason: '重复无理诉求或恶意诉求', relatedTicketId: '  ' };
    expect(valuesToRegistration(values, meta)).toMatchObject({ unreasonableReason: null, relatedTicketId: null, location: { district: null, town: null } });
    expect(valuesToRegistration({ ...values, unreasonable: true }, meta).unreasonableReason).toBe('重复无理诉求或恶意诉求');
  });
});
