import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeDeskMethod } from '../../../shared/desk-handlers';
import { tempDir } from '../../../test/support/temp-dir';
import { AppStateStore } from '../app-state';
import { closeDatabase, openDatabase } from '../db/database';
import { PhoneService } from './phone-service';
import { FileKeySecretStore } from './secret-store';
import type { DeskHandlers } from '../../../shared/desk-handlers';

const PASSWORD = 'Sip-Pass-7788';
const log = { warn: () => undefined, error: () => undefined };

function open(dir: string): { phone: PhoneService; close: () => void; file: string } {
  const file = path.join(dir, 'desk.sqlite3');
  const db = openDatabase(file);
  const phone = new PhoneService(db, new AppStateStore(db), new FileKeySecretStore(dir));
  return { phone, file, close: () => { closeDatabase(db); } };
}

describe('PhoneService', () => {
  it('keeps the SIP password sealed: never in the database file, readable again after a restart', () => {
    const dir = tempDir();
    const first = open(dir);
    const view = first.phone.settings.update({ serverUri: 'ws://127.0.0.1:8066', domain: '127.0.0.1', extension: '1001', password: PASSWORD });
    expect(view).toMatchObject({ hasPassword: true, secretStorage: 'file', extension: '1001' });
    expect(JSON.stringify(view)).not.toContain(PASSWORD);
    first.close();
    for (const name of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, name)).includes(PASSWORD)).toBe(false);

    const second = open(dir);
    expect(second.phone.settings.credentials().password).toBe(PASSWORD);
    expect(second.phone.settings.connectSources()).toEqual(['ws://127.0.0.1:8066']);
    second.phone.settings.update({ password: null });
    expect(second.phone.settings.view().hasPassword).toBe(false);
    second.close();
  });

  it('treats a password sealed with a lost key as missing instead of failing', () => {
    const dir = tempDir();
    const a = open(dir);
    a.phone.settings.update({ password: PASSWORD });
    a.close();
    fs.rmSync(path.join(dir, 'secret.key'));
    const b = open(dir);
    expect(b.phone.settings.credentials().password).toBe('');
    b.close();
  });

  it('rejects a malformed server URI with the field named, and keeps what was saved', async () => {
    const { phone, close } = open(tempDir());
    phone.settings.update({ serverUri: 'wss://pbx.example.gov.cn/ws' });
    const handlers = phone.handlers() as unknown as DeskHandlers;
    const result = await invokeDeskMethod(handlers, 'updatePhoneSettings', { serverUri: 'http://pbx', password: 'x' }, log);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([{ path: 'serverUri', message: 'phone.errors.serverUri', code: 'INVALID' }]);
    expect(phone.settings.view()).toMatchObject({ serverUri: 'wss://pbx.example.gov.cn/ws', hasPassword: false });
    close();
  });

  it('keeps one call record per call id, newest first', () => {
    const { phone, close } = open(tempDir());
    const call = { callId: 'c1', direction: 'inbound' as const, remoteNumber: '13800138000', startedAt: '2026-11-22T01:00:00.000Z', answeredAt: '2026-11-22T01:00:03.000Z', endedAt: '2026-11-22T01:04:00.000Z', outcome: 'answered' as const, endedBy: 'remote' as const };
    expect(phone.calls.record(call)).toEqual({ stored: true });
    expect(phone.calls.record(call)).toEqual({ stored: false });
    phone.calls.record({ ...call, callId: 'c2', startedAt: '2026-11-22T02:00:00.000Z', outcome: 'transferred', transferTarget: 'sip:1003@pbx' });
    const recent = phone.calls.recent(10);
    expect(recent.map((r) => r.callId)).toEqual(['c2', 'c1']);
    expect(recent[1]).toEqual({ id: 1, ...call });
    close();
  });
});
