import { describe, expect, it } from 'vitest';
import { currentShift, defaultShiftRotation, shiftClosing } from './shifts';

const CST = 480;
/** Epoch ms of a wall-clock time in China Standard Time. */
const cst = (iso: string): number => Date.parse(`${iso}+08:00`);

describe('four-shift, two-slot rotation (白-夜-休-休)', () => {
  const rotation = defaultShiftRotation; // 甲 on days on 2026-01-01, day slot from 08:00

  it('puts the first team on the anchor day slot', () => {
    const shift = currentShift(rotation, cst('2026-01-01T09:30:00'), CST);
    expect(shift).toMatchObject({ slot: 'day', team: '甲班' });
    expect(shift.startsAt).toBe(cst('2026-01-01T08:00:00'));
    expect(shift.endsAt).toBe(cst('2026-01-01T20:00:00'));
  });

  it('gives the night after midnight to the slot that started at 20:00', () => {
    const shift = currentShift(rotation, cst('2026-01-02T03:00:00'), CST);
    expect(shift.slot).toBe('night');
    expect(shift.startsAt).toBe(cst('2026-01-01T20:00:00'));
    // The night of day 0 belongs to the team that had the day slot of day -1 (丁).
    expect(shift.team).toBe('丁班');
  });

  it('cycles each team day → next night → two days off', () => {
    const duty: string[] = [];
    for (let day = 0; day < 4; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      duty.push(`${currentShift(rotation, cst(`${date}T12:00:00`), CST).team}/${currentShift(rotation, cst(`${date}T22:00:00`), CST).team}`);
    }
    expect(duty).toEqual(['甲班/丁班', '乙班/甲班', '丙班/乙班', '丁班/丙班']);
  });

  it('works before the anchor date and with another start hour', () => {
    const shift = currentShift({ ...rotation, dayStart: '07:30' }, cst('2025-12-31T07:29:00'), CST);
    expect(shift.slot).toBe('night');
    expect(shift.startsAt).toBe(cst('2025-12-30T19:30:00'));
  });

  it('stops new calls in the last minutes of the slot, and never when the rule is off', () => {
    const rotation = { dayStart: '08:00', teams: ['甲', '乙', '丙', '丁'], anchorDate: '2026-01-01' };
    const at = (iso: string) => Date.parse(iso);
    expect(shiftClosing(rotation, at('2026-11-28T19:45:00+08:00'), 10)).toBe(false);
    expect(shiftClosing(rotation, at('2026-11-28T19:51:00+08:00'), 10)).toBe(true);
    expect(shiftClosing(rotation, at('2026-11-28T20:00:30+08:00'), 10)).toBe(false);
    expect(shiftClosing(rotation, at('2026-11-29T07:55:00+08:00'), 10)).toBe(true);
    expect(shiftClosing(rotation, at('2026-11-28T19:59:00+08:00'), 0)).toBe(false);
  });
});
