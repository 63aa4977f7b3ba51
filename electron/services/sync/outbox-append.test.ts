import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { OutboxQueue } from './outbox-queue';

/** Every .ts file under a folder, tests and this file's subject left out. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('OutboxQueue.append', () => {
  it('queues an entry with its operation id (made when the writer has none) and commits or rolls back with the writer', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    try {
      const queue = new OutboxQueue(db);
      OutboxQueue.append(db, { opId: 'op-kept', author: 'op01', kind: 'ticket.answer', ticketId: 't-1', payload: { a: 1 }, createdAt: '2026-12-04T08:00:00.000Z' });
      OutboxQueue.append(db, { author: 'op02', kind: 'practice.result', ticketId: 'r-1', payload: { b: 2 }, createdAt: '2026-12-04T08:01:00.000Z' });
      expect(() =>
        db.transaction(() => {
          OutboxQueue.append(db, { author: 'op03', kind: 'ticket.answer', ticketId: 't-2', payload: {}, createdAt: '2026-12-04T08:02:00.000Z' });
          throw new Error('the change it carried failed');
        })(),
      ).toThrow('the change it carried failed');
      const entries = queue.peek(10);
      expect(entries.map((e) => [e.seq, e.opId === 'op-kept', e.author, e.kind, e.ticketId, e.payload])).toEqual([
        [1, true, 'op01', 'ticket.answer', 't-1', { a: 1 }],
        [2, false, 'op02', 'practice.result', 'r-1', { b: 2 }],
      ]);
      expect(entries[1]!.opId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      closeDatabase(db);
    }
  });

  it('is the only code on the desk that inserts outbox rows', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const writers = sources(root).filter((file) => /INSERT\s+INTO\s+outbox\s*\(/i.test(fs.readFileSync(file, 'utf8')));
    expect(writers.map((file) => path.relative(root, file))).toEqual([path.join('services', 'sync', 'outbox-queue.ts')]);
  });
});
