import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { DispatchService } from './dispatch-service';
import { readSeed } from './duty-replica';

const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');

function open(dir: string): { service: DispatchService; close: () => void } {
  const db = openDatabase(path.join(dir, 'desk.sqlite3'));
  return { service: new DispatchService(db, resourcesDir), close: () => closeDatabase(db) };
}

describe('dispatch from the local responsibility list', () => {
  it('seeds the replica on first start and keeps it on the next', () => {
    const dir = tempDir();
    const first = open(dir);
    expect(first.service.replica.version()).toBe(0);
    expect(first.service.departments()).toHaveLength(readSeed(resourcesDir).departments.length);
    first.close();
    const second = open(dir);
    expect(second.service.replica.seedIfEmpty(readSeed(resourcesDir))).toBe(false);
    second.close();
  });

  it('starts without shipped data, says so, and suggests nothing rather than failing', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'desk.sqlite3'));
    const warnings: string[] = [];
    const service = new DispatchService(db, path.join(dir, 'no-resources'), { warn: (message) => warnings.push(message) });
    expect(warnings).toHaveLength(3);
    expect(service.suggest({ text: '小区停水了', district: '兰山区' })).toEqual([]);
    expect(service.categories()).toEqual([]);
    closeDatabase(db);
  });

  it('suggests the town office for a 属地乡镇街道 matter and says why', () => {
    const { service, close } = open(tempDir());
    const suggestions = service.suggest({ text: '兰山区银雀山街道某小区有住户从五楼窗户拉电线到楼下给电动车充电，存在火灾隐患。', district: '兰山区' });
    const first = suggestions[0];
    expect(first?.departmentId).toBe('lanshan-yinqueshan-st');
    expect(first?.duty.id).toBe('D-0296');
    expect(first?.duty.timeLimitDays).toBe(3);
    expect(first?.reasons.lead).toEqual({ kind: 'town', departmentId: 'lanshan-yinqueshan-st', district: '兰山区', via: '银雀山街道' });
    expect([...first!.reasons.keywords, ...first!.reasons.terms]).toContain('电动车');
    // The district government is also acceptable, ranked behind the town office.
    expect(suggestions.map((s) => s.departmentId)).toContain('lanshan-gov');
    close();
  });

  it('splits 市区 and county matters by the district', () => {
    const { service, close } = open(tempDir());
    const text = '小区从早上开始停水，没有看到停水通知，询问何时恢复供水。';
    expect(service.suggest({ text, district: '兰山区' })[0]?.departmentId).toBe('util-water');
    const county = service.suggest({ text, district: '沂水县' })[0];
    expect(county?.departmentId).toBe('yishui-gov');
    expect(county?.reasons.scope).toBe('county');
    close();
  });

  it('asks for the district when the best entry is 属地 and none is chosen yet', () => {
    const { service, close } = open(tempDir());
    const text = '小区门口每天早上有大量流动摊贩摆摊卖菜，堵塞出入口。';
    const without = service.suggest({ text, district: null });
    expect(without.at(-1)).toMatchObject({ departmentId: null, departmentName: '属地区县政府', duty: { id: 'D-0002' }, reasons: { lead: { kind: 'unresolved' } } });
    expect(service.suggest({ text, district: '河东区' })[0]).toMatchObject({ departmentId: 'hedong-gov', duty: { id: 'D-0002' } });
    close();
  });

  it('uses the category the operator chose', () => {
    const { service, close } = open(tempDir());
    const text = '楼上邻居家空调外机一直往我家窗台滴水，协商不成。';
    const withCategory = service.suggest({ text, district: '河东区', category: ['法律服务', '人民调解'] });
    expect(withCategory[0]?.duty.id).toBe('D-0341');
    expect(withCategory[0]?.reasons.categoryMatched).toBe(true);
    close();
  });

  it('applies the hub changes, ignores replays and refuses an inconsistent batch without changing anything', () => {
    const { service, close } = open(tempDir());
    const text = '河东区某小区门口有人用喇叭循环播放收旧家电，吵得睡不着。';
    expect(service.suggest({ text, district: '河东区' })[0]?.departmentId).toBe('hedong-gov');
    const duty = readSeed(resourcesDir).duties.find((d) => d.id === 'D-0041')!;
    expect(service.applyDutyListChanges({ version: 5, duties: { upsert: [{ ...duty, lead: 'city-urban' }] } })).toBe(true);
    expect(service.suggest({ text, district: '河东区' })[0]?.departmentId).toBe('city-urban');
    expect(service.applyDutyListChanges({ version: 5, duties: { delete: ['D-0041'] } })).toBe(false);
    expect(() => service.applyDutyListChanges({ version: 6, duties: { upsert: [{ ...duty, lead: 'no-such-unit' }] } })).toThrow(/unknown unit/);
    expect(service.replica.version()).toBe(5);
    expect(service.suggest({ text, district: '河东区' })[0]?.departmentId).toBe('city-urban');
    close();
  });

  it('uses the centre’s learned model beside the list once it arrives, ignoring an older version', () => {
    const { service, close } = open(tempDir());
    const ticket = { text: '来电人反映小区门口的共享单车堆成一片，把盲道全压住了。', district: '兰山区' };
    expect(service.suggest(ticket)[0]?.reasons.learned).toBeUndefined();
    const snapshot = { version: 3, accepted: 1, returned: 0, weights: { 'w:共享单车': [['city-urban', 1]] as [string, number][] } };
    expect(service.applyLearnedModel(snapshot)).toBe(true);
    const [first] = service.suggest(ticket);
    expect(first?.departmentId).toBe('city-urban');
    expect(first?.reasons.learned).toBeGreaterThan(0);
    expect(first?.duty.id).toMatch(/^D-/u);
    expect(service.applyLearnedModel({ ...snapshot, version: 2 })).toBe(false);
    expect(() => service.applyLearnedModel({ ...snapshot, version: -1 })).toThrow();
    close();
  });
});
