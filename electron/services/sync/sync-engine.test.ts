/**
 * The engine's scheduling and status rules, with a scripted port that fails
 * on demand. The exchange itself (outbox, hub, PostgreSQL) is tested against
 * the real hub in test/sync.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncPort } from './sync-engine';
import { SyncEngine, SyncError } from './sync-engine';

class ScriptedPort implements SyncPort {
  pushes = 0;
  pulls = 0;
  failures: (SyncError | null)[] = [];
  pending = 3;
  push(): Promise<void> {
    this.pushes += 1;
    const failure = this.failures.shift() ?? null;
    if (failure) return Promise.reject(failure);
    this.pending = 0;
    return Promise.resolve();
  }
  pull(): Promise<void> {
    this.pulls += 1;
    return Promise.resolve();
  }
  queueSummary(): { pending: number; oldestPendingAt: string | null; needsAttention: number } {
    return { pending: this.pending, oldestPendingAt: this.pending ? '2026-11-22T00:00:00.000Z' : null, needsAttention: 0 };
  }
}

const unreachable = (): SyncError => new SyncError('HUB_UNREACHABLE', 'connect ECONNREFUSED 127.0.0.1:1');

describe('sync engine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T08:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function engineWith(port: ScriptedPort): SyncEngine {
    return new SyncEngine({ port, pollIntervalMs: 30_000, random: () => 1 });
  }

  it('pushes then pulls at start and reports online with the queue emptied', async () => {
    const port = new ScriptedPort();
    const engine = engineWith(port);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect([port.pushes, port.pulls]).toEqual([1, 1]);
    expect(engine.status()).toMatchObject({ connection: 'online', pending: 0, lastError: null, lastSuccessAt: '2026-11-22T08:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(port.pushes).toBe(2);
    await engine.stop();
  });

  it('backs off 1 s, 2 s, 4 s while the hub is down, keeps the queue, then recovers', async () => {
    const port = new ScriptedPort();
    port.failures = [unreachable(), unreachable(), unreachable()];
    const engine = engineWith(port);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.status()).toMatchObject({ connection: 'offline', pending: 3, lastError: { code: 'HUB_UNREACHABLE' }, nextAttemptAt: '2026-11-22T08:00:01.000Z' });
    await vi.advanceTimersByTimeAsync(999);
    expect(port.pushes).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(port.pushes).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(port.pushes).toBe(3);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(port.pushes).toBe(4);
    expect(engine.status()).toMatchObject({ connection: 'online', pending: 0, lastError: null });
    await engine.stop();
  });

  it('waits for a sign-in after AUTH_REQUIRED instead of retrying, and syncNow goes at once', async () => {
    const port = new ScriptedPort();
    port.failures = [new SyncError('AUTH_REQUIRED', 'token expired')];
    const engine = engineWith(port);
    engine.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(port.pushes).toBe(1);
    expect(engine.status()).toMatchObject({ connection: 'offline', lastError: { code: 'AUTH_REQUIRED' }, pending: 3 });
    const status = await engine.syncNow();
    expect(port.pushes).toBe(2);
    expect(status).toMatchObject({ connection: 'online', pending: 0 });
    await engine.stop();
  });

  it('runs another exchange when a write is queued during one', async () => {
    const port = new ScriptedPort();
    let release: () => void = () => undefined;
    port.push = function (this: ScriptedPort): Promise<void> {
      this.pushes += 1;
      return this.pushes === 1 ? new Promise((resolve) => (release = resolve)) : Promise.resolve();
    };
    const engine = engineWith(port);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.status().connection).toBe('syncing');
    engine.nudge();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(port.pushes).toBe(2);
    await engine.stop();
  });

  it('reports every status change to listeners and stops scheduling after stop', async () => {
    const port = new ScriptedPort();
    const engine = engineWith(port);
    const seen: string[] = [];
    engine.onStatus((s) => seen.push(s.connection));
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    await engine.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(seen).toEqual(['syncing', 'online', 'online']);
    expect(port.pushes).toBe(1);
  });
});
