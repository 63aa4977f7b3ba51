import { describe, expect, it } from 'vitest';
import { backoffDelayMs, hubBackoff } from './backoff';

describe('backoff with jitter', () => {
  it('doubles the step per attempt up to the ceiling', () => {
    const top = (attempt: number): number => backoffDelayMs(attempt, hubBackoff, () => 1);
    expect([1, 2, 3, 4].map(top)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(top(20)).toBe(hubBackoff.maxMs);
    expect(top(10_000)).toBe(hubBackoff.maxMs);
  });

  it('spreads desks between the floor share and the full step', () => {
    expect(backoffDelayMs(3, hubBackoff, () => 0)).toBe(800);
    const draws = Array.from({ length: 200 }, () => backoffDelayMs(3, hubBackoff));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(800);
    expect(Math.max(...draws)).toBeLessThanOrEqual(4_000);
    expect(new Set(draws).size).toBeGreaterThan(50);
  });
});
