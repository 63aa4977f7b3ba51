import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JoinRequest } from '../../../shared/phone/join-call';
import { JoinRelay } from './join-relay';

const input = { mode: 'listen', extension: '1001', deskId: 'A-017' } as const;

describe('join relay between the board and the workbench’s phone', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes the request on with an id and returns the phone’s answer', async () => {
    const sent: JoinRequest[] = [];
    const relay = new JoinRelay((request) => sent.push(request));
    const outcome = relay.request(input);
    expect(sent).toHaveLength(1);
    const requestId = sent[0]?.requestId ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]).toEqual({ ...input, requestId });
    expect(relay.answer(requestId, { status: 'dialling', dialString: '*2221001' })).toBe(true);
    await expect(outcome).resolves.toEqual({ status: 'dialling', dialString: '*2221001' });
    // A second answer (another tab, a late one) changes nothing.
    expect(relay.answer(requestId, { status: 'refused', reason: 'busy' })).toBe(false);
  });

  it('says no phone took it when no workbench answers in time', async () => {
    vi.useFakeTimers();
    const relay = new JoinRelay(() => undefined, 5_000);
    const outcome = relay.request(input);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(outcome).resolves.toEqual({ status: 'refused', reason: 'no_phone' });
  });

  it('settles what still waits when the desk shuts down', async () => {
    const relay = new JoinRelay(() => undefined);
    const outcome = relay.request(input);
    relay.close();
    await expect(outcome).resolves.toEqual({ status: 'refused', reason: 'no_phone' });
  });
});
