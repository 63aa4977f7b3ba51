import { describe, expect, it } from 'vitest';
import { wireServerFrameSchema } from './wire';
import { readServerFrame } from './wire-frame';

/** Frames the web host sends, frames it never sends, and frames a broken or foreign peer might. */
const frames: unknown[] = [
  { id: 1, result: { ok: true, value: { locale: 'zh-CN' } } },
  { id: null, result: { ok: true, value: null } },
  { id: 2, result: { ok: true } },
  { id: 0, result: { ok: true, value: [1, 2] }, extra: 'dropped' },
  { id: 7, result: { ok: false, error: { code: 'TIMEOUT', message: 'getSettings did not answer' } } },
  {
    id: 8,
    result: {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'invalid input for registerTicket',
        issues: [
          { path: 'description', message: 'too short', code: 'DESCRIPTION_TOO_SHORT', params: { min: 5, other: 1 } },
          { path: '', message: 'x' },
        ],
        details: { reason: 'SEQ_GAP', retryAfterS: 3, more: true },
      },
    },
  },
  { id: 9, result: { ok: false, error: { code: 'HUB_REFUSED', message: 'm', details: {} } } },
  { id: 9, result: { ok: false, error: { code: 'NO_SUCH_CODE', message: 'm' } } },
  { id: 9, result: { ok: false, error: { code: 'INTERNAL' } } },
  { id: 9, result: { ok: false, error: { code: 'INTERNAL', message: 'm', issues: [{ path: 'a', message: 'b', code: 'NOT_A_CODE' }] } } },
  { id: 9, result: { ok: false, error: { code: 'INTERNAL', message: 'm', issues: [{ path: 'a', message: 'b', params: { max: '4' } }] } } },
  { id: 9, result: { ok: false, error: { code: 'INTERNAL', message: 'm', issues: 'none' } } },
  { id: 9, result: { ok: false, error: { code: 'INTERNAL', message: 'm', details: { reason: 'NOT_A_REASON' } } } },
  { id: 9, result: { ok: false, error: { code: 'INTERNAL', message: 'm', details: { retryAfterS: 'soon' } } } },
  { id: 10, result: { ok: false, error: { code: 'CONFLICT', message: 'm', details: { reason: 'DEPARTMENT_IN_USE', subject: 'city-x', refs: ['D-1', 'D-2'] } } } },
  { id: 10, result: { ok: false, error: { code: 'INVALID_INPUT', message: 'm', details: { reason: 'RANGE_TOO_LONG', limit: 62 } } } },
  { id: 10, result: { ok: false, error: { code: 'NOT_FOUND', message: 'm', details: { subject: 'x'.repeat(201) } } } },
  { id: 10, result: { ok: false, error: { code: 'NOT_FOUND', message: 'm', details: { refs: ['a', 1] } } } },
  { id: 10, result: { ok: false, error: { code: 'NOT_FOUND', message: 'm', details: { refs: Array.from({ length: 21 }, () => 'a') } } } },
  { id: 10, result: { ok: false, error: { code: 'NOT_FOUND', message: 'm', details: { limit: '62' } } } },
  { id: 9, result: { ok: false } },
  { id: 9, result: { ok: 'yes', value: 1 } },
  { id: -1, result: { ok: true, value: 1 } },
  { id: 1.5, result: { ok: true, value: 1 } },
  { id: '1', result: { ok: true, value: 1 } },
  { result: { ok: true, value: 1 } },
  { event: 'settingsChanged', payload: { theme: 'dark' } },
  { event: 'storageDamaged', payload: null, id: 3 },
  { event: 'x'.repeat(81), payload: 1 },
  { event: 42, payload: 1 },
  { event: 'liveSeats' },
  null,
  [],
  'frame',
  17,
];

describe('readServerFrame', () => {
  it('gives what the wire schema gives for every frame (null where the schema refuses it)', () => {
    for (const frame of frames) {
      const parsed = wireServerFrameSchema.safeParse(frame);
      expect(readServerFrame(frame), JSON.stringify(frame)).toEqual(parsed.success ? parsed.data : null);
    }
  });

  it('keeps a response and an event apart and leaves unknown keys out', () => {
    expect(readServerFrame({ id: 0, result: { ok: true, value: 2 }, extra: 1 })).toStrictEqual({ id: 0, result: { ok: true, value: 2 } });
    expect(readServerFrame({ event: 'hubTicketsChanged', payload: { ids: ['a'] } })).toStrictEqual({ event: 'hubTicketsChanged', payload: { ids: ['a'] } });
    expect(readServerFrame({ id: 1, result: { ok: false, error: { code: 'NO_SUCH_CODE', message: 'm' } } })).toBeNull();
  });
});
