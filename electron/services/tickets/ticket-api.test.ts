import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeDeskMethod } from '../../../shared/desk-handlers';
import type { DeskHandlers } from '../../../shared/desk-handlers';
import { emptyTicketDraft } from '../../../shared/tickets/ticket-record';
import { tempDir } from '../../../test/support/temp-dir';
import { DeskServices } from '../desk-services';
import { createLogger } from '../logger';
import { sampleRegistration } from '../../../test/support/sample-ticket';
import type { TicketRegistration } from '../../../shared/tickets/ticket';

/** The ticket methods as the renderer calls them: validated by the contract, then run against a real database. */
let services: DeskServices;
let handlers: DeskHandlers;
const log = { warn: () => undefined, error: () => undefined };

beforeEach(() => {
  const dir = tempDir();
  services = new DeskServices({ dataDir: path.join(dir, 'data'), resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), host: 'web', version: 'test', logger: createLogger({ level: 'silent' }) });
  handlers = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
});
afterEach(() => {
  services.close();
});

const registration = (): TicketRegistration =>
  sampleRegistration({
    callerNumber: '0539 812 3456',
    location: { district: '兰山区', town: '银雀山街道', address: '某小区5号楼' },
    requestType: '举报',
    category: ['应急安全', '消防安全'],
    description: '有住户从五楼窗户拉电线给电动车充电 <img src=x onerror=alert(1)> 🔌',
    confidential: true,
    calledAt: new Date().toISOString(),
  });

describe('ticket methods of the DeskApi', () => {
  it('registers with the number normalised, clears the draft, and transfers along a suggestion', async () => {
    await invokeDeskMethod(handlers, 'saveTicketDraft', { ...emptyTicketDraft, description: '正在输入' }, log);
    const reg = registration();
    const saved = await invokeDeskMethod(handlers, 'registerTicket', { registration: reg, trainee: false }, log);
    expect(saved).toMatchObject({ ok: true, value: { state: 'registered', registration: { callerNumber: '05398123456', description: reg.description } } });
    expect(await invokeDeskMethod(handlers, 'loadTicketDraft', undefined, log)).toEqual({ ok: true, value: null });

    const suggestions = await invokeDeskMethod(handlers, 'suggestDispatch', { text: reg.description, district: '兰山区', town: '银雀山街道' }, log);
    if (!suggestions.ok) throw new Error('no suggestions');
    const [first] = suggestions.value as { departmentId: string; duty: { id: string; timeLimitDays: number; co: string[] } }[];
    expect(first?.departmentId).toBe('lanshan-yinqueshan-st');
    const transfer = { lead: first!.departmentId, co: first!.duty.co, dutyId: first!.duty.id, timeLimitDays: first!.duty.timeLimitDays, timeLimitReason: null, supervision: 'none', notes: '' };
    expect(await invokeDeskMethod(handlers, 'transferTicket', { ticketId: reg.id, transfer }, log)).toMatchObject({ ok: true, value: { state: 'transferred' } });
    expect(services.tickets.outbox().map((r) => r.kind)).toEqual(['ticket.register', 'ticket.transfer']);
  });

  it.each([
    ['a landline without area code that is too short', { callerNumber: '81234' }, 'registration.callerNumber'],
    ['a 1 MB description', { description: '长'.repeat(1_000_000) }, 'registration.description'],
    ['a made-up unreasonable reason', { unreasonableReason: '不想管' }, 'registration.unreasonableReason'],
  ])('refuses %s at the field and stores nothing', async (_what, change, field) => {
    const result = await invokeDeskMethod(handlers, 'registerTicket', { registration: { ...registration(), ...change }, trainee: false }, log);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toContain(field);
    expect(services.tickets.list()).toEqual([]);
    expect(services.tickets.outbox()).toEqual([]);
  });

  it('refuses a transfer whose lead is also a co-handler', async () => {
    const reg = registration();
    await invokeDeskMethod(handlers, 'registerTicket', { registration: reg, trainee: false }, log);
    const result = await invokeDeskMethod(handlers, 'transferTicket', { ticketId: reg.id, transfer: { lead: 'lanshan-gov', co: ['lanshan-gov'], dutyId: null, timeLimitDays: 3, timeLimitReason: null, supervision: 'none', notes: '' } }, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'transfer.co', code: 'CO_SAME_AS_LEAD' }] } });
    expect(services.tickets.find(reg.id)?.state).toBe('registered');
  });

  it('lists the city regions with the development zones and the category tree of the list', async () => {
    const regions = await invokeDeskMethod(handlers, 'listRegions', undefined, log);
    if (!regions.ok) throw new Error('no regions');
    const names = (regions.value as { districts: { name: string }[] }).districts.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['兰山区', '费县', '临沂高新区', '临沂经开区', '临沂临港区']));
    expect(names).toHaveLength(15);
    const categories = await invokeDeskMethod(handlers, 'listMatterCategories', undefined, log);
    if (!categories.ok) throw new Error('no categories');
    expect((categories.value as { name: string; children: string[] }[]).find((c) => c.name === '住房公积金')?.children).toEqual(['公积金提取', '公积金贷款', '公积金缴存']);
  });
});
