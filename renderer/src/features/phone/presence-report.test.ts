import { describe, expect, it } from 'vitest';
import { presenceReportSchema } from '../../../../shared/hub/presence';
import { presenceReportOf } from './presence-report';

describe('the seat state sent to the supervisors’ board', () => {
  it('carries the earliest live call’s start while on a call, the reason on a break, and passes the hub’s schema', () => {
    const onCall = presenceReportOf({ state: 'on_call', since: Date.parse('2026-11-28T08:00:05Z') }, [{ startedAt: Date.parse('2026-11-28T08:00:09Z') }, { startedAt: Date.parse('2026-11-28T08:00:01Z') }]);
    expect(onCall).toMatchObject({ state: 'on_call', callStartedAt: '2026-11-28T08:00:01.000Z' });
    const onBreak = presenceReportOf({ state: 'break', reason: '用餐', since: Date.parse('2026-11-28T12:00:00Z') }, []);
    expect(onBreak).toMatchObject({ state: 'break', reason: '用餐', callStartedAt: null });
    expect(presenceReportSchema.safeParse(onCall).success).toBe(true);
    expect(presenceReportOf({ state: 'ready', reason: 'x', since: 0 }, [{ startedAt: 1 }])).toMatchObject({ reason: null, callStartedAt: null, extension: null, helpRequested: false });
    expect(presenceReportOf({ state: 'on_call', since: 0 }, [], { extension: '8001', helpRequested: true })).toMatchObject({ extension: '8001', helpRequested: true });
  });
});
