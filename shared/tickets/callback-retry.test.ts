import { describe, expect, it } from 'vitest';
import { callbackRetryStatus, defaultCallbackRetryPolicy } from './callback-retry';

const first = '2026-12-05T09:00:00.000Z';

describe('callback retries (无法联系)', () => {
  it('spreads three tries over two days by default: the next falls due a day after the first, then two days after', () => {
    expect(defaultCallbackRetryPolicy).toEqual({ tries: 3, spanHours: 48 });
    expect(callbackRetryStatus([])).toEqual({ tries: 0, nextDueAt: null, unreachable: false });
    expect(callbackRetryStatus([{ at: first, note: '' }])).toEqual({ tries: 1, nextDueAt: '2026-12-06T09:00:00.000Z', unreachable: false });
    // A late second try does not push the third past the two days.
    const two = [{ at: first, note: '' }, { at: '2026-12-06T15:30:00.000Z', note: '占线' }];
    expect(callbackRetryStatus(two)).toEqual({ tries: 2, nextDueAt: '2026-12-07T09:00:00.000Z', unreachable: false });
  });

  it('marks the caller unreachable once the tries are spent, with nothing more due', () => {
    const three = ['2026-12-05T09:00:00.000Z', '2026-12-06T09:00:00.000Z', '2026-12-07T09:00:00.000Z'].map((at) => ({ at, note: '' }));
    expect(callbackRetryStatus(three)).toEqual({ tries: 3, nextDueAt: null, unreachable: true });
    expect(callbackRetryStatus(three.slice(0, 2), { tries: 2, spanHours: 4 })).toEqual({ tries: 2, nextDueAt: null, unreachable: true });
    expect(callbackRetryStatus(three.slice(0, 1), { tries: 5, spanHours: 8 }).nextDueAt).toBe('2026-12-05T11:00:00.000Z');
  });
});
