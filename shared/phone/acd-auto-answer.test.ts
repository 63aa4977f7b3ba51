import { describe, expect, it } from 'vitest';
import { acdAutoAnswerDelayMs } from './acd-auto-answer';

const none = { callInfo: [], alertInfo: [] };

describe('acdAutoAnswerDelayMs', () => {
  it('a plain call is not answered automatically', () => {
    expect(acdAutoAnswerDelayMs(none)).toBeNull();
    expect(acdAutoAnswerDelayMs({ callInfo: ['<http://pbx/photo.png>;purpose=icon'], alertInfo: ['<http://pbx/ring.wav>'] })).toBeNull();
  });

  it('Call-Info answer-after gives the delay the ACD asked for', () => {
    expect(acdAutoAnswerDelayMs({ ...none, callInfo: ['<sip:127.0.0.1>;answer-after=0'] })).toBe(0);
    expect(acdAutoAnswerDelayMs({ ...none, callInfo: ['<sip:pbx.example>;answer-after=3'] })).toBe(3_000);
    expect(acdAutoAnswerDelayMs({ ...none, callInfo: ['<uri:x>; Answer-After = "2"'] })).toBe(2_000);
  });

  it('Alert-Info auto-answer answers at once, its answer-after waits', () => {
    expect(acdAutoAnswerDelayMs({ ...none, alertInfo: ['auto-answer'] })).toBe(0);
    expect(acdAutoAnswerDelayMs({ ...none, alertInfo: ['<http://www.notused.com>;info=alert-autoanswer;delay=0'] })).toBe(0);
    expect(acdAutoAnswerDelayMs({ ...none, alertInfo: ['<http://127.0.0.1>;answer-after=5'] })).toBe(5_000);
  });

  it('a huge delay is capped, a word that only contains the mark is not one', () => {
    expect(acdAutoAnswerDelayMs({ ...none, callInfo: ['<sip:x>;answer-after=99999'] })).toBe(60_000);
    expect(acdAutoAnswerDelayMs({ ...none, alertInfo: ['<http://pbx/no-auto-answer-tone.wav>'] })).toBeNull();
  });
});
