import { describe, expect, it } from 'vitest';
import { callStartMs, elapsedSeconds, formatDuration, seatLabel, shorten, toBoardSeat } from './seat-view';

describe('seat view', () => {
  it('names a tile by its enrolled seat and extension, and never spells out a long desk id', () => {
    expect(seatLabel({ deskId: 'desk-01a2419c-7f3e-4c1b-9d2a-5e6f7a8b9c0d', seatName: 'A-017', extension: '1017' })).toBe('A-017 · 1017');
    expect(seatLabel({ deskId: 'desk-01a2419c-7f3e-4c1b-9d2a-5e6f7a8b9c0d', seatName: 'A-017', extension: null })).toBe('A-017');
    const unenrolled = seatLabel({ deskId: 'desk-01a2419c-7f3e-4c1b-9d2a-5e6f7a8b9c0d', extension: '1017' });
    expect(unenrolled.startsWith('desk-01a2')).toBe(true);
    expect(unenrolled.length).toBeLessThan(22);
  });

  it('parses the instants once and formats durations the way supervisors read them', () => {
    const s = toBoardSeat({
      deskId: 'A',
      operator: 'a',
      displayName: 'A',
      team: null,
      state: 'on_call',
      since: '2026-03-02T09:00:05+08:00',
      callStartedAt: '2026-03-02T09:00:00+08:00',
      reason: null,
      helpRequested: false,
      reportedAt: '2026-03-02T01:00:05Z',
    });
    expect(s.sinceMs).toBe(Date.parse('2026-03-02T01:00:05Z'));
    expect(callStartMs(s)).toBe(Date.parse('2026-03-02T01:00:00Z'));
    expect(callStartMs({ ...s, state: 'ready' })).toBeNull();
    expect(elapsedSeconds(s.sinceMs, s.sinceMs - 5_000)).toBe(0);
    expect(elapsedSeconds(Number.NaN, 0)).toBe(0);
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3_600 + 62)).toBe('1:01:02');
  });

  it('shortens text to a display width, Han characters counting double', () => {
    expect(shorten('张伟', 16)).toBe('张伟');
    expect(shorten('欧阳娜娜娜娜娜娜娜娜', 16)).toBe('欧阳娜娜娜娜娜…');
    expect(shorten('Alexandria Ocasio', 16)).toBe('Alexandria Ocas…');
    expect(shorten('Alexandria Ocasi', 16)).toBe('Alexandria Ocasi');
    expect(shorten('用餐', 8)).toBe('用餐');
    expect(shorten('', 4)).toBe('');
  });
});
