import { describe, expect, it } from 'vitest';
import { breakLimitMinutes, defaultAlarmThresholds } from '../board/alarms';
import { breakReasonCode, breakReasonCodes } from './break-reasons';

describe('break reasons as codes', () => {
  it('codes, and the text older desks stored in either language, read as the code', () => {
    expect(breakReasonCodes.map((code) => breakReasonCode(code))).toEqual(['rest', 'meal', 'meeting']);
    expect(['用餐', 'Meal', ' meal ', 'MEAL'].map(breakReasonCode)).toEqual(['meal', 'meal', 'meal', 'meal']);
    expect(breakReasonCode('小休')).toBe('rest');
    expect(breakReasonCode('Meeting')).toBe('meeting');
    expect(breakReasonCode('培训')).toBeNull();
    expect(breakReasonCode(null)).toBeNull();
  });

  it("the board's 用餐 limit applies to the meal code and to an English desk's 'Meal'", () => {
    const thresholds = { ...defaultAlarmThresholds, breakMinutes: 15, breakMinutesByReason: { 用餐: 30, 会议: 60 } };
    expect(breakLimitMinutes('meal', thresholds)).toBe(30);
    expect(breakLimitMinutes('Meal', thresholds)).toBe(30);
    expect(breakLimitMinutes('用餐', thresholds)).toBe(30);
    expect(breakLimitMinutes('meeting', thresholds)).toBe(60);
    expect(breakLimitMinutes('rest', thresholds)).toBe(15);
    expect(breakLimitMinutes('其他', thresholds)).toBe(15);
  });
});
