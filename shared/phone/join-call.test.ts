import { describe, expect, it } from 'vitest';
import { joinOutcomeSchema, joinRoleRefusal, joinSeatCallInputSchema, joinTarget, phoneJoinRefusal, seatJoinRefusal } from './join-call';
import { defaultPhoneSettings } from './phone-settings';

const codes = defaultPhoneSettings.joinCodes;
const phone = { registration: 'registered', liveCalls: 0, extension: '1009' } as const;

describe('joining a seat’s call from the board', () => {
  it('dials the code and the extension at the supervisor’s domain, escaping # only in the URI', () => {
    expect(joinTarget(codes, 'listen', '1001', '127.0.0.1')).toEqual({ uri: 'sip:*2221001@127.0.0.1', dialString: '*2221001' });
    expect(joinTarget(codes, 'whisper', '1001', 'pbx.example.gov.cn').dialString).toBe('*2231001');
    expect(joinTarget({ ...codes, barge: '#90' }, 'barge', '8001', 'pbx')).toEqual({ uri: 'sip:%23908001@pbx', dialString: '#908001' });
    expect(() => joinTarget(codes, 'listen', '1001@evil', 'pbx')).toThrow();
  });

  it('lets only supervisors and admins join', () => {
    expect(joinRoleRefusal('supervisor')).toBeNull();
    expect(joinRoleRefusal('admin')).toBeNull();
    expect(joinRoleRefusal('operator')).toBe('not_supervisor');
    expect(joinRoleRefusal('trainee')).toBe('not_supervisor');
    expect(joinRoleRefusal(undefined)).toBe('not_supervisor');
  });

  it('offers a join only for a seat on a call that reported its extension', () => {
    expect(seatJoinRefusal({ state: 'on_call', extension: '1001' })).toBeNull();
    expect(seatJoinRefusal({ state: 'on_call', extension: null })).toBe('no_extension');
    expect(seatJoinRefusal({ state: 'on_call' })).toBe('no_extension');
    expect(seatJoinRefusal({ state: 'on_call', extension: 'a b' })).toBe('no_extension');
    expect(seatJoinRefusal({ state: 'after_call_work', extension: '1001' })).toBe('not_on_call');
    expect(seatJoinRefusal({ state: 'ready', extension: '1001' })).toBe('not_on_call');
  });

  it('dials only from a registered, idle phone, and never into the supervisor’s own seat', () => {
    expect(phoneJoinRefusal(phone, '1001')).toBeNull();
    expect(phoneJoinRefusal({ ...phone, registration: 'reconnecting' }, '1001')).toBe('not_registered');
    expect(phoneJoinRefusal({ ...phone, registration: 'standby' }, '1001')).toBe('not_registered');
    expect(phoneJoinRefusal({ ...phone, registration: 'unconfigured', liveCalls: 1 }, '1001')).toBe('not_registered');
    expect(phoneJoinRefusal({ ...phone, liveCalls: 1 }, '1001')).toBe('busy');
    expect(phoneJoinRefusal(phone, '1009')).toBe('own_seat');
  });

  it('takes requests and outcomes only in their own shapes', () => {
    expect(joinSeatCallInputSchema.safeParse({ mode: 'listen', extension: '1001', deskId: 'A-017' }).success).toBe(true);
    expect(joinSeatCallInputSchema.safeParse({ mode: 'spy', extension: '1001', deskId: 'A-017' }).success).toBe(false);
    expect(joinSeatCallInputSchema.safeParse({ mode: 'listen', extension: '1001;x', deskId: 'A-017' }).success).toBe(false);
    expect(joinOutcomeSchema.safeParse({ status: 'refused', reason: 'busy' }).success).toBe(true);
    expect(joinOutcomeSchema.safeParse({ status: 'refused', reason: 'because' }).success).toBe(false);
  });
});
