import { describe, expect, it } from 'vitest';
import { defaultPhoneSettings, joinCodesSchema, joinDialString, phoneSettingsSchema } from './phone-settings';

describe('joining a seat’s call through the PBX’s feature codes', () => {
  it('dials the configured code followed by the extension, and refuses anything else', () => {
    const codes = defaultPhoneSettings.joinCodes;
    expect(joinDialString(codes, 'listen', '8001')).toBe('*2228001');
    expect(joinDialString({ ...codes, barge: '#90' }, 'barge', '8001')).toBe('#908001');
    expect(() => joinDialString(codes, 'whisper', '8001;evil')).toThrow();
    expect(joinCodesSchema.safeParse({ ...codes, listen: '*22a' }).error?.issues[0]?.message).toBe('功能码只能包含数字、* 和 #，1 到 10 位');
    expect(phoneSettingsSchema.safeParse(defaultPhoneSettings).success).toBe(true);
  });
});
