import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeDeskMethod } from '../../../shared/desk-handlers';
import type { DeskHandlers } from '../../../shared/desk-handlers';
import { sampleRegistration } from '../../../test/support/sample-ticket';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { migrations } from '../db/migrations';
import { DeskServices } from '../desk-services';
import { createLogger } from '../logger';

/** Caller history at the desk, through the DeskApi on a real database: every written form of a number is one caller. */
let services: DeskServices;
let handlers: DeskHandlers;
let dataDir: string;
const log = { warn: () => undefined, error: () => undefined };
const matter = ['城市管理', '占道经营'] as [string, string];

function open(): void {
  services = new DeskServices({ dataDir, resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), host: 'web', version: 'test', logger: createLogger({ level: 'silent' }) });
  handlers = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
}

beforeEach(() => {
  dataDir = path.join(tempDir(), 'data');
  open();
});
afterEach(() => {
  services.close();
});

async function register(callerNumber: string): Promise<string> {
  const registration = sampleRegistration({ callerNumber, category: matter, calledAt: new Date().toISOString() });
  const saved = await invokeDeskMethod(handlers, 'registerTicket', { registration, trainee: false }, log);
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return registration.id;
}

async function history(number: string, excludeTicketId: string | null = null) {
  const answer = await invokeDeskMethod(handlers, 'callerHistory', { number, category: matter, excludeTicketId }, log);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as { tickets: { id: string; registration: { callerNumber: string } }[]; recentCount: number; repeatCaller: boolean };
}

describe('caller history at the desk', () => {
  it('finds one caller by every written form of the number, an extension included', async () => {
    const first = await register('0539-8123456');
    const second = await register('+86 539 812 3456 转 123');
    await register('13812345678'); // another caller
    for (const form of ['05398123456', '0539-8123456', '+86 539 8123456', '0086 (0539) 812-3456', '（0539）8123456', '0539-8123456 分机 8']) {
      const found = await history(form);
      expect(found.tickets.map((t) => t.id).sort(), form).toEqual([first, second].sort());
    }
    expect((await history('05398123456')).tickets.map((t) => t.registration.callerNumber).sort()).toEqual(['05398123456', '05398123456#123']);
    // A neighbouring number that merely starts with the same digits is someone else.
    expect((await history('053981234567')).tickets).toEqual([]);
  });

  it('does not call a first-time caller a repeat because of the ticket just registered for them', async () => {
    const own = await register('138 1234 5678');
    const asked = await history('+86 13812345678', own);
    expect(asked.tickets.map((t) => t.id)).toEqual([own]);
    expect(asked).toMatchObject({ recentCount: 0, repeatCaller: false });
    // The same caller calling again about the same matter is one.
    const again = await register('13812345678');
    expect(await history('13812345678', again)).toMatchObject({ recentCount: 1, repeatCaller: true });
  });

  it('folds numbers kept before the stored form existed when the desk database is upgraded', async () => {
    services.close();
    const file = path.join(dataDir, 'desk.sqlite3');
    // A desk file as it was at schema 80, before numbers had a stored form: built with the migrations of then.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    const db = openDatabase(file, migrations.filter((m) => m.version <= 80));
    const insert = db.prepare("INSERT INTO tickets (id, state, doc, created_at, updated_at) VALUES (?, 'registered', ?, ?, ?)");
    const now = new Date().toISOString();
    const kept = ['+8613812345678', '013812345678', '13812345678'].map((callerNumber) => {
      const registration = sampleRegistration({ callerNumber, category: matter });
      const doc = { id: registration.id, state: 'registered', registration, answer: null, transfer: null, callback: null, author: 'op01', trainee: false, review: 'not_required', createdAt: now, updatedAt: now };
      insert.run(registration.id, JSON.stringify(doc), now, now);
      return registration.id;
    });
    closeDatabase(db);
    const upgraded = openDatabase(file, migrations);
    expect(upgraded.prepare<[], { n: string }>("SELECT json_extract(doc, '$.registration.callerNumber') AS n FROM tickets").all().map((r) => r.n)).toEqual([
      '13812345678',
      '13812345678',
      '13812345678',
    ]);
    closeDatabase(upgraded);
    open();
    expect((await history('138-1234-5678')).tickets.map((t) => t.id).sort()).toEqual([...kept].sort());
  });
});
