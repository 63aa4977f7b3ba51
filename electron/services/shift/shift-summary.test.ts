import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultShiftRotation } from '../../../shared/shifts';
import { emptyTicketDraft } from '../../../shared/tickets/ticket-record';
import { shiftWindow } from '../../../shared/shift-summary';
import { sampleRegistration } from '../../../test/support/sample-ticket';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { CallRecordStore } from '../phone/call-records';
import { OutboxQueue } from '../sync/outbox-queue';
import { TicketStore } from '../tickets/ticket-store';
import { summariseShift } from './shift-summary';
import { ShiftSummaryReader } from './shift-summary-reader';

/** Beijing wall-clock time as an instant. */
const cst = (local: string): number => Date.parse(`${local}+08:00`);
const iso = (local: string): string => new Date(cst(local)).toISOString();

const transfer = { lead: 'city-urban', co: [], dutyId: null, timeLimitDays: 3, timeLimitReason: null, supervision: 'none' as const, notes: '' };
const answer = { articleId: null, answer: '可携带身份证到政务服务中心办理。' };
const callback = { solved: true, satisfaction: 'satisfied' as const, comments: '来电人表示满意' };

describe('the shift summary from rows', () => {
  const window = shiftWindow(defaultShiftRotation, cst('2026-11-22T12:00:00'), cst('2026-11-22T07:50:00'));

  it('counts what ended inside the window, with talk time and its average', () => {
    const summary = summariseShift(window, {
      operator: 'op01',
      calls: [
        { direction: 'inbound', answeredAt: iso('2026-11-22T08:10:00'), endedAt: iso('2026-11-22T08:14:30'), outcome: 'answered' },
        { direction: 'outbound', answeredAt: iso('2026-11-22T09:00:05'), endedAt: iso('2026-11-22T09:01:00'), outcome: 'answered' },
        { direction: 'inbound', answeredAt: iso('2026-11-22T10:00:00'), endedAt: iso('2026-11-22T10:02:00'), outcome: 'transferred' },
        { direction: 'inbound', answeredAt: null, endedAt: iso('2026-11-22T10:30:00'), outcome: 'missed' },
        // The night operator's last call, before this operator signed in.
        { direction: 'inbound', answeredAt: iso('2026-11-22T07:40:00'), endedAt: iso('2026-11-22T07:49:00'), outcome: 'answered' },
      ],
      activity: [
        { kind: 'ticket.register', at: iso('2026-11-22T08:15:00') },
        { kind: 'ticket.answer', at: iso('2026-11-22T08:16:00') },
        { kind: 'ticket.register', at: iso('2026-11-22T10:03:00') },
        { kind: 'ticket.transfer_for_review', at: iso('2026-11-22T10:04:00') },
        { kind: 'ticket.callback', at: iso('2026-11-22T09:01:00') },
        { kind: 'ticket.register', at: iso('2026-11-22T07:49:30') },
      ],
      outbox: { pending: 3, oldestPendingAt: iso('2026-11-22T10:03:00'), needsAttention: 1 },
      openDrafts: 1,
      awaitingCallback: 2,
      unfinishedCount: 0,
      unfinished: [],
    });
    expect(summary).toEqual({
      operator: 'op01',
      team: '乙班',
      slot: 'day',
      from: iso('2026-11-22T07:50:00'),
      to: iso('2026-11-22T12:00:00'),
      sinceSignIn: true,
      calls: { handled: 3, inbound: 2, outbound: 1, missed: 1, talkSeconds: 270 + 55 + 120, averageTalkSeconds: 148 },
      tickets: { registered: 2, answered: 1, transferred: 1, callbacks: 1 },
      outbox: { pending: 3, oldestPendingAt: iso('2026-11-22T10:03:00'), needsAttention: 1 },
      openDrafts: 1,
      awaitingCallback: 2,
      unfinishedCount: 0,
      unfinished: [],
    });
  });

  it('says nothing was handled rather than dividing by zero', () => {
    const summary = summariseShift(window, { operator: 'op01', calls: [], activity: [], outbox: { pending: 0, oldestPendingAt: null, needsAttention: 0 }, openDrafts: 0, awaitingCallback: 0, unfinishedCount: 0, unfinished: [] });
    expect(summary.calls).toEqual({ handled: 0, inbound: 0, outbound: 0, missed: 0, talkSeconds: 0, averageTalkSeconds: null });
  });
});

describe('the shift window', () => {
  it('starts at the sign-in, in the slot it was made for, even when the summary is read after the slot ends', () => {
    const night = shiftWindow(defaultShiftRotation, cst('2026-11-23T08:10:00'), cst('2026-11-22T19:45:00'));
    expect(night).toMatchObject({ from: cst('2026-11-22T19:45:00'), sinceSignIn: true, shift: { slot: 'night', startsAt: cst('2026-11-22T20:00:00') } });
  });

  it('starts at the slot in force without a sign-in, or when the sign-in is from an earlier shift', () => {
    const now = cst('2026-11-22T15:00:00');
    expect(shiftWindow(defaultShiftRotation, now, null)).toMatchObject({ from: cst('2026-11-22T08:00:00'), to: now, sinceSignIn: false, shift: { slot: 'day' } });
    expect(shiftWindow(defaultShiftRotation, now, cst('2026-11-21T07:55:00'))).toMatchObject({ from: cst('2026-11-22T08:00:00'), sinceSignIn: false });
  });
});

describe('the shift summary read from a desk database', () => {
  it('reads the call log, the ticket activity, the outbox, the drafts and the replies waiting for a callback', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    let clock = cst('2026-11-22T08:20:00');
    const now = () => new Date(clock);
    const tickets = new TicketStore(db, now);
    const calls = new CallRecordStore(db);
    const outbox = new OutboxQueue(db, now);

    // Before the sign-in: the night operator's ticket and call.
    clock = cst('2026-11-22T07:30:00');
    const before = sampleRegistration();
    tickets.register(before, { author: 'op02', trainee: false });
    clock = cst('2026-11-22T07:31:00');
    tickets.answer(before.id, answer);
    calls.record({ callId: 'c0', direction: 'inbound', remoteNumber: '13800000000', startedAt: iso('2026-11-22T07:20:00'), answeredAt: iso('2026-11-22T07:20:03'), endedAt: iso('2026-11-22T07:29:00'), outcome: 'answered' });
    outbox.record([1, 2].map((seq) => ({ seq, outcome: 'accepted' as const })));

    // op01's shift: three calls, three tickets (one answered, one transferred), a callback on the night's ticket.
    calls.record({ callId: 'c1', direction: 'inbound', remoteNumber: '13800000001', startedAt: iso('2026-11-22T08:10:00'), answeredAt: iso('2026-11-22T08:10:04'), endedAt: iso('2026-11-22T08:13:04'), outcome: 'answered' });
    calls.record({ callId: 'c2', direction: 'inbound', remoteNumber: '13800000002', startedAt: iso('2026-11-22T08:30:00'), endedAt: iso('2026-11-22T08:30:20'), outcome: 'missed' });
    calls.record({ callId: 'c3', direction: 'outbound', remoteNumber: '13800000000', startedAt: iso('2026-11-22T09:00:00'), answeredAt: iso('2026-11-22T09:00:10'), endedAt: iso('2026-11-22T09:01:10'), outcome: 'answered' });
    const answered = sampleRegistration();
    const transferred = sampleRegistration();
    const open = sampleRegistration();
    clock = cst('2026-11-22T08:13:30');
    tickets.register(answered, { author: 'op01', trainee: false });
    tickets.answer(answered.id, answer);
    clock = cst('2026-11-22T08:40:00');
    tickets.register(transferred, { author: 'op01', trainee: false });
    tickets.transfer(transferred.id, transfer);
    tickets.register(open, { author: 'op01', trainee: false });
    // op01 calls back about the night's ticket.
    clock = cst('2026-11-22T09:01:30');
    tickets.recordCallback(before.id, callback);
    // The hub sent two replies: one called back here, one still waiting.
    const saveHub = db.prepare("INSERT INTO hub_tickets (id, number, state, doc, version, updated_at) VALUES (?, ?, 'replied', '{}', 1, ?)");
    saveHub.run(before.id, '20261122-000001', iso('2026-11-22T08:50:00'));
    saveHub.run(transferred.id, '20261122-000002', iso('2026-11-22T09:30:00'));
    tickets.saveDraft('operator:op01', { ...emptyTicketDraft, callerName: '王先生' });
    tickets.saveDraft('operator:op02', { ...emptyTicketDraft, callerName: '别人的草稿' });
    // The hub took the first three of op01's entries and refused the fourth.
    outbox.record([3, 4, 5].map((seq) => ({ seq, outcome: 'accepted' as const })));
    outbox.record([{ seq: 6, outcome: 'rejected', reason: '主办单位已撤销' }]);

    const reader = new ShiftSummaryReader(db, outbox);
    const summary = reader.read({
      operator: 'op01',
      draftKey: 'operator:op01',
      signedInAt: cst('2026-11-22T08:00:00'),
      rotation: defaultShiftRotation,
      utcOffsetMinutes: 480,
      now: cst('2026-11-22T12:00:00'),
    });
    expect(summary).toMatchObject({
      operator: 'op01',
      from: iso('2026-11-22T08:00:00'),
      sinceSignIn: true,
      calls: { handled: 2, inbound: 1, outbound: 1, missed: 1, talkSeconds: 180 + 60, averageTalkSeconds: 120 },
      tickets: { registered: 3, answered: 1, transferred: 1, callbacks: 1 },
      outbox: { pending: 2, oldestPendingAt: iso('2026-11-22T08:40:00'), needsAttention: 1 },
      openDrafts: 1,
      awaitingCallback: 1,
    });
    closeDatabase(db);
  });

  it('counts every ticket the next shift must pick up: registered and neither transferred, answered nor sent for review, or returned by review', () => {
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    let clock = cst('2026-11-21T22:00:00');
    const tickets = new TicketStore(db, () => new Date(clock));
    const outbox = new OutboxQueue(db, () => new Date(clock));
    const [lastNight, open, answered, transferred, inReview, returned] = Array.from({ length: 6 }, () => sampleRegistration());
    // Left by the night shift, before this operator signed in: still the next shift's to pick up.
    tickets.register(lastNight!, { author: 'op02', trainee: false });
    clock = cst('2026-11-22T09:00:00');
    for (const reg of [open!, answered!, transferred!]) tickets.register(reg, { author: 'op01', trainee: false });
    tickets.answer(answered!.id, answer);
    tickets.transfer(transferred!.id, transfer);
    // A trainee's tickets: one waiting for the supervisor, one the supervisor returned.
    clock = cst('2026-11-22T09:10:00');
    for (const reg of [inReview!, returned!]) {
      tickets.register(reg, { author: 'trainee01', trainee: true });
      tickets.transfer(reg.id, transfer);
    }
    db.prepare("INSERT INTO hub_tickets (id, number, state, doc, version, updated_at) VALUES (?, ?, 'registered', json_object('review', 'rejected'), 1, ?)").run(
      returned!.id,
      '20261122-000007',
      iso('2026-11-22T09:30:00'),
    );
    const summary = new ShiftSummaryReader(db, outbox).read({
      operator: 'op01',
      draftKey: 'operator:op01',
      signedInAt: cst('2026-11-22T08:00:00'),
      rotation: defaultShiftRotation,
      utcOffsetMinutes: 480,
      now: cst('2026-11-22T12:00:00'),
    });
    expect(summary.unfinishedCount).toBe(3);
    expect(summary.unfinished.map((t) => [t.id, t.reason, t.number])).toEqual([
      [lastNight!.id, 'open', null],
      [open!.id, 'open', null],
      [returned!.id, 'review_returned', '20261122-000007'],
    ]);
    expect(summary.unfinished[0]).toMatchObject({ requestType: lastNight!.requestType, category: [...lastNight!.category] });
    closeDatabase(db);
  });
});
