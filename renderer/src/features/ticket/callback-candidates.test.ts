import { describe, expect, it } from 'vitest';
import type { TicketRecord } from '../../../../shared/tickets/ticket-record';
import { sampleHubTicket } from '../../../../test/support/sample-hub-ticket';
import { sampleRegistration } from '../../../../test/support/sample-ticket';
import { callbackCandidates, candidateLabel } from './callback-candidates';

function record(state: TicketRecord['state'], description: string): TicketRecord {
  const registration = sampleRegistration({ description });
  return { id: registration.id, state, registration, answer: null, transfer: null, callback: null, author: 'op01', trainee: false, review: 'not_required', createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z' };
}

const reply = { text: '已整改。', solved: true, department: 'city-urban', at: '2026-11-22T03:00:00.000Z' };

describe('callback candidates', () => {
  it('offers tickets answered at the desk and those a department replied to at the hub, with the hub’s number', () => {
    const answered = record('answered', '咨询公积金提取材料');
    const transferred = record('transferred', '门店占道经营，行人难行');
    const waiting = record('transferred', '路灯不亮已经一周了');
    const calledBack = record('called_back', '噪音扰民已经回访过了');
    const hub = [
      sampleHubTicket({ id: transferred.id, number: '20261122-000007', state: 'replied', reply }, { id: transferred.id }),
      sampleHubTicket({ id: waiting.id, number: '20261122-000008', state: 'accepted' }, { id: waiting.id }),
      sampleHubTicket({ id: calledBack.id, number: '20261122-000009', state: 'replied', reply }, { id: calledBack.id }),
    ];
    const candidates = callbackCandidates([answered, transferred, waiting, calledBack], hub);
    expect(candidates.map((c) => [c.id, c.number])).toEqual([
      [answered.id, null],
      [transferred.id, '20261122-000007'],
    ]);
    expect(candidateLabel(candidates[1]!)).toBe('门店占道经营，行人难行 · 20261122-000007');
    expect(candidateLabel(candidates[0]!)).toBe(`咨询公积金提取材料 · ${answered.id.slice(-6)}`);
  });

  it('also offers a reply to a ticket older than the desk’s recent list', () => {
    const old = sampleHubTicket({ number: '20261101-000001', state: 'replied', reply }, { description: '上个月的占道经营投诉' });
    expect(callbackCandidates([], [old])).toEqual([
      {
        id: old.id,
        number: '20261101-000001',
        description: '上个月的占道经营投诉',
        contact: { callerNumber: old.registration.callerNumber, confidential: false, author: 'op01', contactMasked: false },
        attempts: [],
      },
    ]);
  });

  it('carries the desk’s own copy of the caller’s number and the tries after 无法联系', () => {
    const confidential = { ...record('replied', '举报夜间偷排污水'), callbackAttempts: [{ at: '2026-11-22T08:00:00.000Z', note: '无人接听' }] };
    confidential.registration = { ...confidential.registration, callerNumber: '13905391234', confidential: true };
    // The hub masked nothing for the desk that registered it; the desk's copy is what is dialled either way.
    const [candidate] = callbackCandidates([confidential], [sampleHubTicket({ id: confidential.id, state: 'replied', reply, contactMasked: true }, { id: confidential.id, callerNumber: '********' })]);
    expect(candidate?.contact).toEqual({ callerNumber: '13905391234', confidential: true, author: 'op01', contactMasked: false });
    expect(candidate?.attempts).toEqual([{ at: '2026-11-22T08:00:00.000Z', note: '无人接听' }]);
  });
});
