import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import type { DirectoryEntry } from '../../../shared/dispatch/directory';
import { closeDatabase, openDatabase } from '../db/database';
import { DispatchService } from './dispatch-service';
import { readSeed } from './duty-replica';
import { prepareDirectory, readDirectorySeed, searchDirectory } from './transfer-directory';

const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
const seed = readDirectorySeed(resourcesDir);
const prepared = prepareDirectory(seed, new Map(readSeed(resourcesDir).departments.map((d) => [d.id, d.name])));
const ids = (text: string, leadDepartmentId: string | null = null, limit = 50): string[] => searchDirectory(prepared, { text, leadDepartmentId, limit }).map((h) => h.id);

function open(dir: string): { service: DispatchService; close: () => void } {
  const db = openDatabase(path.join(dir, 'desk.sqlite3'));
  return { service: new DispatchService(db, resourcesDir), close: () => closeDatabase(db) };
}

describe('transfer directory search', () => {
  it('ships a number for every shipped department, all different and all dialable', () => {
    const switchboards = new Set(seed.filter((e) => e.kind === 'department').map((e) => e.departmentId));
    expect(readSeed(resourcesDir).departments.map((d) => d.id).filter((id) => !switchboards.has(id))).toEqual([]);
    expect(new Set(seed.map((e) => e.number)).size).toBe(seed.length);
  });

  it('finds an expert by name, by full pinyin, by initials and by a mix of both', () => {
    for (const text of ['王建国', 'wangjianguo', 'wjg', 'WJG', 'wangjg', 'wang jian guo']) {
      expect(ids(text)[0], text).toBe('city-hrss-wang');
    }
  });

  it('finds a department by the initials of part of its name, and a line by its topic', () => {
    // 人力资源: rlzy; the city bureau's switchboard comes before its lines and experts, which match by department.
    const hits = ids('rlzy');
    expect(hits[0]).toBe('city-hrss-main');
    expect(hits).toEqual(expect.arrayContaining(['city-hrss-social-insurance', 'city-hrss-wang']));
    expect(ids('欠薪')).toContain('city-hrss-wages');
    expect(ids('gsbx')).toEqual(['city-hrss-social-insurance']);
  });

  it('finds an entry by the start of its number and ranks whole-name matches first', () => {
    expect(ids('8711')).toEqual(['city-hrss-wang']);
    expect(ids('871').sort()).toEqual(['city-hrss-liu', 'city-hrss-wang']);
    // 热力 is inside the heating company's name (its switchboard) and only inside the department name of its line and expert.
    expect(ids('热力')).toEqual(['util-heat-main', 'util-heat-service', 'util-heat-chen']);
    // 陈志刚 by name beats entries whose topic mentions it.
    expect(ids('czg')[0]).toBe('util-heat-chen');
  });

  it('puts the dispatch suggestion’s lead department first, its switchboard at the top', () => {
    const plain = ids('');
    expect(plain[0]).not.toBe('city-urban-main');
    const led = ids('', 'city-urban', 5);
    expect(led.slice(0, 3)).toEqual(['city-urban-main', 'city-urban-enforcement', 'city-urban-zhou']);
    // With a query, lead-department entries that match still come before better matches elsewhere.
    const hits = searchDirectory(prepared, { text: 'zx', leadDepartmentId: 'city-edu' });
    expect(hits[0]).toMatchObject({ id: 'city-edu-enrolment', lead: true });
    expect(hits.slice(1).every((h) => !h.lead)).toBe(true);
  });

  it('answers nothing for text that matches nothing', () => {
    expect(ids('xyzq')).toEqual([]);
    expect(ids('不存在的部门')).toEqual([]);
  });
});

describe('transfer directory replica', () => {
  const expert: DirectoryEntry = { id: 'city-water-he', kind: 'expert', departmentId: 'city-water', name: '何青山', topic: '水利工程与防汛', number: 'sip:he.qingshan@pbx.example' };

  it('seeds on first start, takes the hub’s changes once, and keeps them across a restart', () => {
    const dir = tempDir();
    const first = open(dir);
    const directory = first.service.directory;
    expect(directory.version()).toBe(0);
    expect(directory.entries()).toHaveLength(seed.length);
    expect(directory.search({ text: 'hqs' })).toEqual([]);

    expect(directory.applyChanges({ version: 40, upsert: [expert], delete: ['city-hrss-liu'] })).toBe(true);
    // A replayed or older batch changes nothing.
    expect(directory.applyChanges({ version: 40, upsert: [], delete: ['city-hrss-wang'] })).toBe(false);
    expect(directory.applyChanges({ version: 12, upsert: [], delete: ['city-hrss-wang'] })).toBe(false);
    expect(directory.search({ text: 'hqs' })).toMatchObject([{ id: 'city-water-he', departmentName: '临沂市水利局', number: expert.number }]);
    first.close();

    const second = open(dir);
    expect(second.service.directory.version()).toBe(40);
    expect(second.service.directory.seedIfEmpty(seed)).toBe(false);
    const afterRestart = second.service.directory.search({ text: '' , limit: 500 }).map((h) => h.id);
    expect(afterRestart).toContain('city-water-he');
    expect(afterRestart).toContain('city-hrss-wang');
    expect(afterRestart).not.toContain('city-hrss-liu');
    second.close();
  });

  it('refuses a batch with a number that cannot be dialled and changes nothing', () => {
    const { service, close } = open(tempDir());
    expect(() => service.directory.applyChanges({ version: 3, upsert: [{ ...expert, number: '请拨打总机' }] })).toThrow();
    expect(service.directory.version()).toBe(0);
    expect(service.directory.search({ text: 'hqs' })).toEqual([]);
    close();
  });
});
