import { describe, expect, it } from 'vitest';
import type { KbHit } from '../../../../shared/kb/search';
import { fuseRankings } from './rank-fusion';

const hit = (id: string, overrides: Partial<KbHit> = {}): KbHit => ({
  id,
  title: `标题 ${id}`,
  category: ['类', '目'],
  scope: '全市',
  department: '部门',
  status: '有效',
  updatedAt: '2026-11-01',
  preview: '',
  matched: ['词'],
  score: 1,
  strength: 0.8,
  ...overrides,
});

describe('reciprocal-rank fusion of the lexical and semantic rankings', () => {
  it('puts an article both rank high before one that only one of them ranks first', () => {
    const fused = fuseRankings(
      [hit('A'), hit('B'), hit('C')],
      [
        { id: 'D', similarity: 0.9 },
        { id: 'B', similarity: 0.8 },
      ],
      10,
      (id) => hit(id, { matched: [], strength: 0 }),
    );
    expect(fused.map((h) => h.id)).toEqual(['B', 'A', 'D', 'C']);
    expect(fused[0]?.score).toBe(1);
    expect(fused[0]?.semantic).toBe(0.8);
    // Lexical hits keep their own words and strength; a semantic-only one has none of the typed words.
    expect(fused[0]?.strength).toBe(0.8);
    expect(fused.find((h) => h.id === 'D')).toMatchObject({ semantic: 0.9, strength: 0, matched: [] });
    expect(fused.find((h) => h.id === 'A')?.semantic).toBeUndefined();
  });

  it('keeps an expired article after every current one, however the model ranks it', () => {
    const fused = fuseRankings([hit('OLD', { status: '已失效' }), hit('A')], [{ id: 'OLD', similarity: 0.99 }], 10, () => null);
    expect(fused.map((h) => h.id)).toEqual(['A', 'OLD']);
  });

  it('leaves out an article the model found that is gone from the replica, and cuts to the limit', () => {
    const fused = fuseRankings(
      [hit('A'), hit('B'), hit('C')],
      [
        { id: 'GONE', similarity: 0.95 },
        { id: 'C', similarity: 0.9 },
      ],
      2,
      () => null,
    );
    expect(fused.map((h) => h.id)).toEqual(['C', 'A']);
  });
});
