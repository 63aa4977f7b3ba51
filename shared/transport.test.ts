import { describe, expect, it } from 'vitest';
import { enrolmentCodeSchema } from './hub/desks';
import { insecureTransportRefusal, isLoopbackHost } from './transport';

describe('transport refusal', () => {
  it('refuses plain http:// and ws:// to other machines, in Chinese, naming the secure scheme', () => {
    expect(insecureTransportRefusal('http://hub.12345.example:8720', false, 'hub')).toBe('HUB_URL_INSECURE');
    expect(insecureTransportRefusal('HTTP://10.1.2.3', false, 'hub')).toBe('HUB_URL_INSECURE');
    expect(insecureTransportRefusal('ws://pbx.example:8088/ws', false, 'sip')).toBe('SIP_URL_INSECURE');
    // userinfo does not hide the host
    expect(insecureTransportRefusal('http://127.0.0.1@evil.example/', false, 'hub')).not.toBeNull();
    expect(insecureTransportRefusal('http://localhost.evil.example/', false, 'hub')).not.toBeNull();
  });

  it('allows TLS anywhere, plain only to this machine, and anything with the lab switch on', () => {
    expect(insecureTransportRefusal('https://hub.12345.example', false, 'hub')).toBeNull();
    expect(insecureTransportRefusal('wss://pbx.example:7443/ws', false, 'sip')).toBeNull();
    for (const local of ['http://127.0.0.1:8720', 'http://127.8.9.10', 'http://localhost:8720', 'http://[::1]:8720', 'ws://desk.localhost/ws']) {
      expect(insecureTransportRefusal(local, false, 'hub')).toBeNull();
    }
    expect(insecureTransportRefusal('http://hub.12345.example', true, 'hub')).toBeNull();
    expect(insecureTransportRefusal('', false, 'hub')).toBeNull();
  });

  it('knows loopback names', () => {
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example')).toBe(false);
  });
});

describe('enrolment code as typed', () => {
  it('accepts it in any case with spaces or dashes, and refuses letters that are not in the code alphabet', () => {
    expect(enrolmentCodeSchema.parse(' 7kq2-m9xd 4trb ')).toBe('7KQ2M9XD4TRB');
    expect(enrolmentCodeSchema.safeParse('7KQ2-M9XD-4TRI').success).toBe(false);
    expect(enrolmentCodeSchema.safeParse('7KQ2-M9XD').success).toBe(false);
  });
});
