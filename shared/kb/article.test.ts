import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { departmentSchema, dutySchema } from '../dispatch/responsibility';
import { articleSchema } from './article';

const data = path.resolve(import.meta.dirname, '../../resources/data');
const lines = (file: string): unknown[] =>
  fs.readFileSync(path.join(data, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);

describe('shipped seed data matches the shared schemas', () => {
  it('every knowledge article parses', () => {
    const articles = lines('kb/articles.jsonl');
    expect(articles.length).toBeGreaterThan(200);
    for (const article of articles) expect(articleSchema.parse(article)).toBeTruthy();
  });

  it('every department and duty parses, and every duty names known units', () => {
    const departments = departmentSchema.array().parse(JSON.parse(fs.readFileSync(path.join(data, 'dispatch/departments.json'), 'utf8')));
    const ids = new Set(departments.map((d) => d.id));
    const duties = lines('dispatch/duties.jsonl').map((d) => dutySchema.parse(d));
    for (const duty of duties) {
      for (const unit of [duty.lead, ...duty.co]) expect(ids.has(unit) || unit.startsWith('属地'), `${duty.id}: ${unit}`).toBe(true);
    }
  });

  it('rejects an article with an unknown status', () => {
    expect(articleSchema.safeParse({ ...(lines('kb/articles.jsonl')[0] as object), status: '草稿' }).success).toBe(false);
  });
});
