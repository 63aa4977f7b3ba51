import { describe, expect, it } from 'vitest';
import { sampleRegistration } from '../../test/support/sample-ticket';
import { callerNameFormSchema, callerNumberFormSchema, ticketRegistrationFormSchema, transferFormSchema, transferLimitIssue } from './registration-form';

const valid = sampleRegistration({
  id: '0190f3c2-7a4b-7c1d-8e2f-0123456789ab',
  callerName: '张先生',
  callerNumber: '0539-8123456',
  location: { district: '兰山区', town: '银雀山街道', address: '某小区' },
  description: '门店占道经营，行人无法通行 <b>加粗</b> 😀',
});

describe('caller number', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0539-8123456', '05398123456'],
    ['(010) 12345678', '01012345678'],
    ['8123456', '8123456'],
    ['95598', '95598'],
    ['4008123456', '4008123456'],
  ])('accepts %s as %s', (raw, normalised) => {
    expect(callerNumberFormSchema.parse(raw)).toBe(normalised);
  });

  it.each([['1381234567'], ['23812345678'], ['0539-81'], ['abc'], ['138123456789']])('refuses %s with a caller-number code', (raw) => {
    const r = callerNumberFormSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^CALLER_NUMBER_(TOO_LONG|CHARACTERS|FORMAT)$/);
  });
});

describe('registration form', () => {
  it('keeps HTML and emoji in the description as plain text', () => {
    const r = ticketRegistrationFormSchema.parse(valid);
    expect(r.description).toContain('<b>加粗</b> 😀');
  });

  it('refuses a pasted 1 MB description at the description field', () => {
    const r = ticketRegistrationFormSchema.safeParse({ ...valid, description: '长'.repeat(1_000_000) });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['description']);
    expect(r.error?.issues[0]?.message).toBe('DESCRIPTION_TOO_LONG');
  });

  it('refuses control characters, digits in a name and a non-standard unreasonable reason', () => {
    expect(ticketRegistrationFormSchema.safeParse({ ...valid, description: '有控制字符\u0007在这里' }).success).toBe(false);
    expect(callerNameFormSchema.safeParse('张三3').error?.issues[0]?.message).toBe('CALLER_NAME_CHARACTERS');
    expect(ticketRegistrationFormSchema.safeParse({ ...valid, unreasonableReason: '我不想办' }).error?.issues[0]?.path).toEqual(['unreasonableReason']);
  });

  it('needs a district when a town is chosen', () => {
    const r = ticketRegistrationFormSchema.safeParse({ ...valid, location: { district: null, town: '银雀山街道', address: '' } });
    expect(r.error?.issues[0]?.path).toEqual(['location', 'district']);
  });
});

describe('transfer form', () => {
  const transfer = { lead: 'lanshan-gov', co: ['city-urban'], dutyId: 'D-0001', timeLimitDays: 3, timeLimitReason: null, supervision: 'none' as const, notes: '' };
  it('refuses the lead among the co-handlers', () => {
    expect(transferFormSchema.safeParse({ ...transfer, co: ['lanshan-gov'] }).error?.issues[0]?.message).toBe('CO_SAME_AS_LEAD');
  });
  it('asks for a reason when the time limit differs from the duty entry', () => {
    expect(transferLimitIssue(transfer, 3)).toBeNull();
    expect(transferLimitIssue({ ...transfer, timeLimitDays: 5 }, 3)).toBe('TIME_LIMIT_REASON_REQUIRED');
    expect(transferLimitIssue({ ...transfer, timeLimitDays: 5, timeLimitReason: '需现场勘验' }, 3)).toBeNull();
  });
});
