import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDutyIndex } from '../../../shared/dispatch/duty-index';
import { suggestDispatch } from '../../../shared/dispatch/suggest';
import { readRegions } from './dispatch-service';
import { readSeed } from './duty-replica';
import { jiebaSegmenter } from './jieba-segmenter';

const resources = path.resolve(import.meta.dirname, '../../../resources');
const seed = readSeed(resources);
const segment = jiebaSegmenter();
const index = buildDutyIndex(seed.duties, seed.departments, readRegions(resources), segment);
const first = (text: string, district: string | null): string | null | undefined => suggestDispatch(index, { text, district }, segment)[0]?.departmentId;

describe('dispatch reads the whole ticket', () => {
  it('follows 不是 A 而是 B to B, and the plain A ticket still goes to A', () => {
    expect(first('来电人反映路边绿化树木太久没修剪，树枝挡住了路牌。', '兰山区')).toBe('city-urban');
    expect(first('来电人说不是要修剪绿化树木，是路边树枝压到了电线上，刮风打火。', '兰山区')).toBe('util-power');
    expect(first('来电人说不是流浪狗，是邻居家养的大狗遛的时候不牵绳。', '河东区')).toBe('city-psb');
  });

  it('takes the district from a town named in the text when the form has none', () => {
    const [s] = suggestDispatch(index, { text: '来电人反映许家湖镇有村民在地里烧麦秸，浓烟很大。', district: null }, segment);
    expect(s?.departmentId).toBe('yishui-xujiahu-town');
    expect(s?.reasons.districtFromText).toBe('沂水县');
  });
});
