import { describe, expect, it } from 'vitest';
import { acwSecondsLeft, nextAgentStatus } from './agent-state';
import type { AgentStatus } from './agent-state';
import { callQuality } from './call-quality';
import { formatCallDuration, unansweredOutcome } from './call-state';
import { defaultPhoneSettings, phoneSettingsPatchSchema, phoneSettingsSchema, sipConnectSource } from './phone-settings';
import { backoffDelayMs, keepAliveIntervalMs } from './reconnect-policy';
import { isPermanentFailure, registerResponseFailure } from './registration-status';
import { toDialTarget } from './sip-target';

describe('phone settings', () => {
  it('accepts a complete account and the defaults', () => {
    expect(phoneSettingsSchema.parse(defaultPhoneSettings)).toEqual(defaultPhoneSettings);
    const account = { ...defaultPhoneSettings, serverUri: 'wss://pbx.example.gov.cn:7443/ws', domain: 'pbx.example.gov.cn', extension: '8001' };
    expect(phoneSettingsSchema.safeParse(account).success).toBe(true);
    expect(sipConnectSource(account)).toBe('wss://pbx.example.gov.cn:7443');
  });

  it.each(['http://pbx', 'pbx.example:7443', 'wss://', 'wss://a b', 'sip:8001@pbx'])('rejects the server URI %s with a specific message', (serverUri) => {
    const result = phoneSettingsPatchSchema.safeParse({ serverUri });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('phone.errors.serverUri');
  });

  it('rejects an extension with characters SIP cannot carry, and unknown keys', () => {
    expect(phoneSettingsPatchSchema.safeParse({ extension: '80 01' }).error?.issues[0]?.message).toBe('phone.errors.user');
    expect(phoneSettingsPatchSchema.safeParse({ passwd: 'x' }).success).toBe(false);
  });

  it('keeps the keep-alive inside the expiry', () => {
    expect(keepAliveIntervalMs(30, 300)).toBe(30_000);
    expect(keepAliveIntervalMs(600, 120)).toBe(48_000);
  });
});

describe('dial targets', () => {
  it('turns numbers into URIs on the account domain', () => {
    expect(toDialTarget(' 1380-013 8000 ', 'pbx.local')).toEqual({ ok: true, uri: 'sip:13800138000@pbx.local', user: '13800138000' });
    expect(toDialTarget('sip:1003@127.0.0.1', '')).toEqual({ ok: true, uri: 'sip:1003@127.0.0.1', user: '1003' });
  });
  it('refuses malformed input', () => {
    expect(toDialTarget('', 'pbx')).toEqual({ ok: false, error: 'phone.errors.emptyTarget' });
    expect(toDialTarget('sip:@@', 'pbx')).toEqual({ ok: false, error: 'phone.errors.badTarget' });
    expect(toDialTarget('张三', 'pbx')).toEqual({ ok: false, error: 'phone.errors.badTarget' });
  });
});

describe('reconnect backoff', () => {
  it('doubles up to the cap and stays within the jitter band', () => {
    expect(backoffDelayMs(1, () => 1)).toBe(500);
    expect(backoffDelayMs(2, () => 1)).toBe(1_000);
    expect(backoffDelayMs(3, () => 0)).toBe(1_000);
    expect(backoffDelayMs(20, () => 1)).toBe(30_000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelayMs(4);
      expect(d).toBeGreaterThanOrEqual(2_000);
      expect(d).toBeLessThanOrEqual(4_000);
    }
  });
  it('classifies REGISTER answers', () => {
    expect(registerResponseFailure(200)).toBeNull();
    expect(registerResponseFailure(401)).toBe('auth');
    expect(isPermanentFailure('auth')).toBe(true);
    expect(isPermanentFailure(registerResponseFailure(503) ?? 'auth')).toBe(false);
  });
});

describe('agent state', () => {
  const ready: AgentStatus = { state: 'ready', since: 0 };
  it('goes on call, into after-call work with a countdown, then back to ready', () => {
    const onCall = nextAgentStatus(ready, { type: 'call_started' }, 1_000);
    expect(onCall.state).toBe('on_call');
    const acw = nextAgentStatus(onCall, { type: 'call_ended', afterCallWorkSeconds: 30 }, 2_000);
    expect(acw.state).toBe('after_call_work');
    expect(acwSecondsLeft(acw, 2_000)).toBe(30);
    expect(acwSecondsLeft(acw, 31_500)).toBe(1);
    expect(nextAgentStatus(acw, { type: 'acw_finished' }, 32_000).state).toBe('ready');
  });
  it('extends a timed after-call work by the key, from now once it ran out; until-ready work ends only on ready', () => {
    const onCall = nextAgentStatus(ready, { type: 'call_started' }, 1_000);
    const acw = nextAgentStatus(onCall, { type: 'call_ended', afterCallWorkSeconds: 30 }, 2_000);
    expect(acwSecondsLeft(nextAgentStatus(acw, { type: 'acw_extended', seconds: 30 }, 12_000), 12_000)).toBe(50);
    expect(acwSecondsLeft(nextAgentStatus(acw, { type: 'acw_extended', seconds: 30 }, 40_000), 40_000)).toBe(30);
    expect(nextAgentStatus(ready, { type: 'acw_extended', seconds: 30 }, 3_000)).toBe(ready);

    const open = nextAgentStatus(onCall, { type: 'call_ended', afterCallWorkSeconds: 30, untilReady: true }, 2_000);
    expect(open).toEqual({ state: 'after_call_work', since: 2_000 });
    expect(acwSecondsLeft(open, 600_000)).toBe(0);
    expect(nextAgentStatus(open, { type: 'acw_finished' }, 600_000)).toBe(open);
    expect(nextAgentStatus(open, { type: 'acw_extended', seconds: 30 }, 600_000)).toBe(open);
    expect(nextAgentStatus(open, { type: 'ready' }, 600_000)).toEqual({ state: 'ready', since: 600_000 });
  });
  it('never leaves a live call for a break or sign-out', () => {
    const onCall = nextAgentStatus(ready, { type: 'call_started' }, 1);
    expect(nextAgentStatus(onCall, { type: 'break', reason: '用餐' }, 2).state).toBe('on_call');
    expect(nextAgentStatus(onCall, { type: 'sign_out' }, 2).state).toBe('on_call');
    expect(nextAgentStatus(ready, { type: 'break', reason: '用餐' }, 2)).toEqual({ state: 'break', reason: '用餐', since: 2 });
  });
});

describe('calls', () => {
  it('names unanswered outcomes and formats the timer', () => {
    expect(unansweredOutcome('inbound', 'remote')).toBe('missed');
    expect(unansweredOutcome('inbound', 'local')).toBe('rejected');
    expect(unansweredOutcome('outbound', 'local')).toBe('cancelled');
    expect(formatCallDuration(65_400)).toBe('01:05');
    expect(formatCallDuration(3_725_000)).toBe('1:02:05');
  });
  it('grades quality from loss, jitter and RTT', () => {
    const base = { packetsReceived: 0, packetsLost: 0, bytesReceived: 0, jitter: 0, bytesSent: 0, roundTripTime: Number.NaN };
    const good = callQuality(base, { ...base, packetsReceived: 100, bytesReceived: 16_000, jitter: 0.004, roundTripTime: 0.02 });
    expect(good).toMatchObject({ grade: 'good', lossPercent: 0, jitterMs: 4, rttMs: 20 });
    expect(callQuality(base, { ...base, packetsReceived: 90, packetsLost: 10, bytesReceived: 9_000 }).grade).toBe('poor');
    expect(callQuality(base, base).grade).toBe('no_media');
  });
});
