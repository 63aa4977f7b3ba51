import { describe, expect, it, vi } from 'vitest';
import { deskMethods } from './desk-api';
import { createDeskClient, withTimeout } from './desk-client';
import { deskMethodTimeouts } from './desk-methods';
import { ok } from './result';

describe('createDeskClient', () => {
  it('derives one function per contract method that calls the transport with its time limit', async () => {
    const transport = vi.fn(() => Promise.resolve(ok('x')));
    const client = createDeskClient(transport, () => () => undefined);
    for (const method of deskMethods) expect(typeof (client as unknown as Record<string, unknown>)[method]).toBe('function');
    expect(Object.keys(client).filter((name) => name !== 'on')).toEqual(deskMethods);
    await client.updateSettings({ theme: 'dark' });
    expect(transport).toHaveBeenCalledWith('updateSettings', { theme: 'dark' }, 10_000);
    await client.syncNow();
    expect(transport).toHaveBeenCalledWith('syncNow', undefined, deskMethodTimeouts.syncNow);
    expect(deskMethodTimeouts.syncNow).toBe(60_000);
  });

  it('times out a call that never answers', async () => {
    vi.useFakeTimers();
    const pending = withTimeout(new Promise(() => undefined), 500, 'getSettings');
    vi.advanceTimersByTime(501);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    vi.useRealTimers();
  });
});
