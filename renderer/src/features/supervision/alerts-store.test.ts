import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../../../shared/hub/alerts';
import type { Result } from '../../../../shared/result';

const listAlerts = vi.fn<() => Promise<Result<Alert[]>>>();
vi.mock('../../desk/desk', () => ({ desk: { listAlerts: () => listAlerts() } }));
const { useAlertsStore } = await import('./alerts-store');

function alert(id: number, updatedAt: string, ticketCount = 5): Alert {
  return {
    id,
    kind: 'many',
    matter: ['城市管理', '占道经营'],
    district: '兰山区',
    callerNumber: null,
    windowStart: '2026-11-22T01:00:00.000Z',
    windowEnd: updatedAt,
    ticketCount,
    tickets: [],
    raisedAt: '2026-11-22T01:00:00.000Z',
    updatedAt,
    acknowledgedBy: null,
    acknowledgedAt: null,
  };
}

const ids = () => useAlertsStore.getState().alerts.map((a) => `${String(a.id)}:${String(a.ticketCount)}`);

describe('live alerts in the supervisor’s list', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useAlertsStore.setState({ alerts: [] });
  });
  afterEach(async () => {
    await vi.runAllTimersAsync();
    vi.useRealTimers();
  });

  it('shows the first alert after a quiet spell at once and gathers the ones right behind it', async () => {
    const { liveReceived } = useAlertsStore.getState();
    liveReceived(alert(1, '2026-11-22T02:00:00.000Z'));
    expect(ids()).toEqual(['1:5']);
    liveReceived(alert(2, '2026-11-22T02:00:01.000Z'));
    liveReceived(alert(1, '2026-11-22T02:00:02.000Z', 6));
    expect(ids()).toEqual(['1:5']);
    await vi.advanceTimersByTimeAsync(250);
    expect(ids()).toEqual(['1:6', '2:5']);
  });

  it('keeps what the live feed brought while the whole list was being read', async () => {
    let answer: (result: Result<Alert[]>) => void = () => undefined;
    listAlerts.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const loading = useAlertsStore.getState().load();
    // While the hub answers (with the list as it was), a new alert arrives and an old one grows.
    useAlertsStore.getState().liveReceived(alert(7, '2026-11-22T02:10:00.000Z'));
    await vi.advanceTimersByTimeAsync(250);
    useAlertsStore.getState().liveReceived(alert(3, '2026-11-22T02:11:00.000Z', 9));
    answer({ ok: true, value: [alert(3, '2026-11-22T02:00:00.000Z', 8), alert(4, '2026-11-22T01:00:00.000Z')] });
    await loading;
    await vi.advanceTimersByTimeAsync(250);
    expect(ids()).toEqual(['3:9', '7:5', '4:5']);
  });
});
