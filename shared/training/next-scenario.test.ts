import { describe, expect, it } from 'vitest';
import { nextScenarioId } from './next-scenario';

const ids = ['S-01', 'S-02', 'S-03'];
const at = (minute: number): string => `2026-03-02T08:${String(minute).padStart(2, '0')}:00.000Z`;

describe('next practice scenario', () => {
  it('starts with the first scenario and goes through the unpractised ones in order', () => {
    expect(nextScenarioId(ids, [])).toBe('S-01');
    expect(nextScenarioId(ids, [{ scenarioId: 'S-01', score: 100, finishedAt: at(1) }], 'S-01')).toBe('S-02');
  });

  it('then repeats the weakest latest score, the oldest first on a tie', () => {
    const results = [
      { scenarioId: 'S-01', score: 40, finishedAt: at(1) },
      { scenarioId: 'S-01', score: 100, finishedAt: at(5) },
      { scenarioId: 'S-02', score: 60, finishedAt: at(2) },
      { scenarioId: 'S-03', score: 60, finishedAt: at(3) },
    ];
    expect(nextScenarioId(ids, results)).toBe('S-02');
    expect(nextScenarioId(ids, results, 'S-02')).toBe('S-03');
  });

  it('never gives the scenario just finished unless it is the only one, and nothing without scenarios', () => {
    const results = [{ scenarioId: 'S-01', score: 0, finishedAt: at(1) }];
    expect(nextScenarioId(['S-01', 'S-02'], [...results, { scenarioId: 'S-02', score: 100, finishedAt: at(2) }], 'S-01')).toBe('S-02');
    expect(nextScenarioId(['S-01'], results, 'S-01')).toBe('S-01');
    expect(nextScenarioId([], [])).toBeNull();
  });
});
