import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestTypes } from '../../../shared/tickets/ticket';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { DispatchService } from '../dispatch/dispatch-service';
import { readScenarios } from './training-service';

const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');

/**
 * The shipped practice scenarios against the shipped data: their answers must
 * be ones the registration form offers and the responsibility list gives, or a
 * trainee would be marked wrong for doing the right thing.
 */
describe('shipped practice scenarios', () => {
  const scenarios = readScenarios(resourcesDir);

  it('cover every request type a trainee registers, in several districts', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    const types = new Set(scenarios.map((s) => s.expected.requestType));
    for (const type of requestTypes.filter((t) => t !== '表扬')) expect(types).toContain(type);
    expect(new Set(scenarios.map((s) => s.location.district)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(scenarios.map((s) => s.expected.category.join('/'))).size).toBe(scenarios.length);
  });

  it('use categories, departments and places of the shipped lists, and the lead the dispatch suggestion gives', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    const dispatch = new DispatchService(db, resourcesDir);
    const categories = new Map(dispatch.categories().map((c) => [c.name, c.children]));
    const departments = new Set(dispatch.departments().map((d) => d.id));
    const districts = new Map(dispatch.regions.districts.map((d) => [d.name, d.towns.map((t) => t.name)]));
    for (const s of scenarios) {
      const [top, sub] = s.expected.category;
      expect(categories.get(top), `${s.id} ${top}`).toContain(sub);
      expect(departments.has(s.expected.lead), `${s.id} lead ${s.expected.lead}`).toBe(true);
      if (s.location.district) expect(districts.has(s.location.district), `${s.id} ${s.location.district}`).toBe(true);
      if (s.location.town) expect(districts.get(s.location.district ?? ''), `${s.id} ${s.location.town}`).toContain(s.location.town);
      expect(s.turns[0]?.stage, s.id).toBe('greeting');

      const suggestions = dispatch.suggest({
        text: s.turns.map((t) => t.text).join('\n'),
        district: s.location.district,
        town: s.location.town,
        address: s.location.address,
        requestType: s.expected.requestType,
        category: s.expected.category,
      });
      expect(suggestions[0]?.departmentId, `${s.id}: ${suggestions.map((x) => `${x.departmentId ?? ''} ${x.duty.id}`).join(', ')}`).toBe(s.expected.lead);
      expect(suggestions[0]?.duty.category, s.id).toEqual(s.expected.category);
    }
    closeDatabase(db);
  });
});
