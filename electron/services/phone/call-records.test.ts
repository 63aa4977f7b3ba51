import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { CallRecordStore } from './call-records';

const call = {
  callId: 'call-1',
  direction: 'inbound' as const,
  remoteNumber: '13800000000',
  startedAt: '2026-11-22T08:00:00.000Z',
  answeredAt: '2026-11-22T08:00:03.000Z',
  endedAt: '2026-11-22T08:04:00.000Z',
  outcome: 'answered' as const,
};

describe('call records and their tickets', () => {
  it('links a finished call to the ticket registered in after-call work, once', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    const store = new CallRecordStore(db);
    store.record(call);
    expect(store.link('call-1', 'ticket-a')).toEqual({ linked: true });
    // A second ticket for the same call does not take the link over.
    expect(store.link('call-1', 'ticket-b')).toEqual({ linked: false });
    expect(store.link('no-such-call', 'ticket-c')).toEqual({ linked: false });
    expect(store.recent(10)).toMatchObject([{ callId: 'call-1', ticketId: 'ticket-a' }]);
    closeDatabase(db);
  });

  it('keeps the ticket recorded with a call registered while it was running', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    const store = new CallRecordStore(db);
    store.record({ ...call, ticketId: 'ticket-during-call' });
    expect(store.link('call-1', 'ticket-later')).toEqual({ linked: false });
    expect(store.recent(1)[0]?.ticketId).toBe('ticket-during-call');
    closeDatabase(db);
  });
});
