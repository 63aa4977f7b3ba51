import { describe, expect, it } from 'vitest';
import { placementRange } from './placement-range';

describe('placement ranges', () => {
  it('leaves the last 30 days to the hub’s calendar', () => {
    expect(placementRange('last30', '2026-11-28')).toEqual({});
  });

  it('asks for whole calendar months, across a year’s end and a leap February', () => {
    expect(placementRange('thisMonth', '2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(placementRange('lastMonth', '2026-11-28')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(placementRange('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(placementRange('lastMonth', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
