import { describe, expect, it } from 'vitest';
import { mergeDisjoint } from './merge-disjoint';

describe('mergeDisjoint', () => {
  it('merges disjoint parts into one table', () => {
    const merged = mergeDisjoint({ a: () => 1 }, { b: () => 'b' }, { c: () => true });
    expect([merged.a(), merged.b(), merged.c()]).toEqual([1, 'b', true]);
  });

  it('refuses a key defined twice: at compile time, and at run time if the types are bypassed', () => {
    // @ts-expect-error a is defined in two parts
    expect(() => mergeDisjoint({ a: 1 }, { a: 2 })).toThrow('a is defined twice');
    const loose = mergeDisjoint as (...parts: object[]) => object;
    expect(() => loose({ a: 1, b: 2 }, { c: 3 }, { b: 4 })).toThrow('b is defined twice');
  });
});
