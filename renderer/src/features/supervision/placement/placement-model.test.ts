import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Placement, PlacementDay } from '../../../../../shared/hub/placement';
import { activeDays, practiceSeries, practiceSummary } from './placement-model';

const day = (d: string, figures: Partial<PlacementDay> = {}): PlacementDay => ({
  day: d,
  calls: 0,
  talkSeconds: 0,
  ticketsRegistered: 0,
  reviewsApproved: 0,
  reviewsReturned: 0,
  practiceAttempts: 0,
  practiceAverage: null,
  ...figures,
});

const record: Placement = {
  account: { username: 'trainee01', displayName: '陈学员', role: 'trainee', team: '一组' },
  from: '2026-11-01',
  to: '2026-11-04',
  days: [day('2026-11-01', { practiceAttempts: 2, practiceAverage: 70 }), day('2026-11-02'), day('2026-11-03', { calls: 4, ticketsRegistered: 2 }), day('2026-11-04', { practiceAttempts: 1, practiceAverage: 90 })],
  total: { calls: 4, talkSeconds: 0, ticketsRegistered: 2, reviewsApproved: 0, reviewsReturned: 0, practiceAttempts: 3, practiceAverage: 76.7 },
};

const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as unknown as TFunction;

describe('the placement record on screen', () => {
  it('lists the days with something in them, newest first', () => {
    expect(activeDays(record).map((d) => d.day)).toEqual(['2026-11-04', '2026-11-03', '2026-11-01']);
  });

  it('draws every day, with a gap where there was no practice', () => {
    expect(practiceSeries(record)).toEqual({ labels: ['11-01', '11-02', '11-03', '11-04'], averages: [70, null, null, 90], attempts: [2, 0, 0, 1] });
  });

  it('says the chart in words: attempts, average, the best and the latest day', () => {
    expect(practiceSummary(record, t)).toBe(
      `supervision:placement.chart.summary ${JSON.stringify({ attempts: 3, average: 76.7, days: 2, best: 90, bestDay: '11-04', last: 90, lastDay: '11-04' })}`,
    );
    expect(practiceSummary({ ...record, days: [day('2026-11-02')] }, t)).toBe('supervision:placement.chart.empty {}');
  });
});
