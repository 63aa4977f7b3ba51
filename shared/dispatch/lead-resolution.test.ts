import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDirectory, resolveLead, townShortName } from './lead-resolution';
import { departmentSchema } from './responsibility';
import { weightedClauses } from './text-terms';
import { scopeOf } from './duty-index';

const departments = departmentSchema.array().parse(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/data/dispatch/departments.json'), 'utf8')));
const directory = buildDirectory(departments);

describe('就近定责: resolving 属地 leads', () => {
  it('keeps a named department whatever the district', () => {
    expect(resolveLead(directory, 'util-power', { district: '费县', town: null, text: '' })).toEqual({ kind: 'named', departmentId: 'util-power' });
  });

  it('sends 属地区县政府 to the government (or zone committee) of the ticket district', () => {
    expect(resolveLead(directory, '属地区县政府', { district: '罗庄区', town: null, text: '' })).toMatchObject({ kind: 'district', departmentId: 'luozhuang-gov' });
    expect(resolveLead(directory, '属地区县政府', { district: '临沂临港区', town: null, text: '' })).toMatchObject({ departmentId: 'lingang-gov' });
  });

  it('sends 属地乡镇街道 to the town named in the text, the longest name winning', () => {
    const r = resolveLead(directory, '属地乡镇街道', { district: '兰山区', town: null, text: '兰山区银雀山街道某小区有人飞线充电' });
    expect(r).toEqual({ kind: 'town', departmentId: 'lanshan-yinqueshan-st', district: '兰山区', via: '银雀山街道' });
  });

  it('does not take a road named after a street office for the office itself', () => {
    const r = resolveLead(directory, '属地乡镇街道', { district: '兰山区', town: null, text: '兰山区银雀山路附近某小区' });
    expect(r).toEqual({ kind: 'town-fallback', departmentId: 'lanshan-gov', district: '兰山区' });
  });

  it('prefers the town chosen in the location picker', () => {
    expect(resolveLead(directory, '属地乡镇街道', { district: '河东区', town: '九曲街道', text: '' })).toMatchObject({ kind: 'town', departmentId: 'hedong-jiuqu-st' });
  });

  it('falls back to the district government where no town office is listed', () => {
    expect(resolveLead(directory, '属地乡镇街道', { district: '郯城县', town: '马头镇', text: '郯城县马头镇某村' })).toMatchObject({ kind: 'town-fallback', departmentId: 'tancheng-gov' });
  });

  it('cannot resolve a 属地 lead without a district', () => {
    expect(resolveLead(directory, '属地区县政府', { district: null, town: null, text: '' })).toEqual({ kind: 'unresolved', literal: '属地区县政府' });
  });

  it('derives short town names from official names', () => {
    expect(townShortName(directory.byId.get('lanshan-zaoyuan-town')!)).toBe('枣园镇');
  });
});

describe('市区 / county split read from the list', () => {
  const duty = (matter: string, notes?: string) => ({ id: 'D-1', matter, category: ['a', 'b'] as [string, string], keywords: [], lead: 'x', co: [], time_limit_days: 1, basis: '', ...(notes ? { notes } : {}) });
  it('reads the side from the matter or from a note pointing at the other side', () => {
    expect(scopeOf(duty('市区燃气泄漏'))).toBe('urban');
    expect(scopeOf(duty('各县城区及临港区停水'))).toBe('county');
    expect(scopeOf(duty('县域城乡公交线路'))).toBe('county');
    expect(scopeOf(duty('城市道路井盖缺失', '各县城区及临港区见D-0030'))).toBe('urban');
    expect(scopeOf(duty('邻里纠纷调解'))).toBe('any');
  });
});

describe('clause weights', () => {
  it('counts a side remark after 另外 less, until the caller returns to the main request', () => {
    const clauses = weightedClauses('油烟往屋里灌；另外顺带提到路灯不亮。来电人要求重点处理油烟问题。');
    expect(clauses.map((c) => c.weight)).toEqual([1, 0.3, 1]);
  });
});
