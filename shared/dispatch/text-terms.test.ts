import { describe, expect, it } from 'vitest';
import { NEGATED_WEIGHT, negatedSpans, weightedClauses, withoutNegated } from './text-terms';

const spans = (text: string): string[] => negatedSpans(text).map((s) => text.slice(s.start, s.end));

describe('不是 A，而是 B: what the ticket says the matter is not', () => {
  it('finds the A of 不是/并非/而不是 … 是/而是/属于', () => {
    expect(spans('来电人说不是饭店油烟，而是工厂排出刺鼻的化工味。')).toEqual(['饭店油烟，']);
    expect(spans('车不是停在小区里，而是停在路边公共停车位上')).toEqual(['停在小区里，']);
    expect(spans('并非物业问题，是市政道路积水')).toEqual(['物业问题，']);
  });

  it('leaves plain negation and 是否 alone', () => {
    expect(spans('来电人不是很清楚是否需要预约')).toEqual([]);
    expect(spans('路灯不是一天两天不亮了')).toEqual([]);
  });

  it('gives the A next to no weight and keeps side remarks after 另外 light', () => {
    const clauses = weightedClauses('来电人说不是饭店油烟，而是工厂废气。另外楼下有人烧烤。');
    expect(clauses.find((c) => c.text.startsWith('饭店油烟'))?.weight).toBe(NEGATED_WEIGHT);
    expect(clauses.find((c) => c.text.startsWith('而是工厂'))?.weight).toBe(1);
    expect(clauses.find((c) => c.text.startsWith('另外'))?.weight).toBe(0.3);
    expect(withoutNegated('树不在小区里，不是小区内的树，而是路边行道树')).toBe('树不在小区里，不是而是路边行道树');
  });
});
