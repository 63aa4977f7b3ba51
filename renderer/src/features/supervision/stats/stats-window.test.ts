import { describe, expect, it } from 'vitest';
import { defaultShiftRotation } from '../../../../../shared/shifts';
import { statsWindow } from './stats-window';

describe('the statistics window', () => {
  const now = new Date(2026, 10, 22, 14, 35).getTime();

  it('ends now; today starts at local midnight, the last 7 days a week ago', () => {
    expect(statsWindow('today', now, defaultShiftRotation)).toEqual({ from: new Date(2026, 10, 22).toISOString(), to: new Date(now).toISOString() });
    expect(statsWindow('week', now, defaultShiftRotation).from).toBe(new Date(now - 7 * 86_400_000).toISOString());
  });

  it('starts this shift where the rotation’s current slot began', () => {
    const window = statsWindow('shift', now, defaultShiftRotation);
    // The day slot starts at 08:00 local time (the rotation's dayStart) and lasts 12 hours.
    expect(new Date(window.from).getHours()).toBe(8);
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe((6 * 60 + 35) * 60_000);
  });

  it('is never empty, even at the very start of a day', () => {
    const midnight = new Date(2026, 10, 22).getTime();
    const window = statsWindow('today', midnight, defaultShiftRotation);
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe(60_000);
  });
});
