import { describe, expect, it } from 'vitest';
import { isUsableAudioOffer } from './sdp-check';

const good = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 30000 UDP/TLS/RTP/SAVPF 8 0 101', 'a=sendrecv', ''].join('\r\n');

describe('isUsableAudioOffer', () => {
  it('accepts a normal offer and an offerless INVITE', () => {
    expect(isUsableAudioOffer(good)).toBe(true);
    expect(isUsableAudioOffer(undefined)).toBe(true);
  });
  it('refuses garbage, a missing media line and a broken one', () => {
    expect(isUsableAudioOffer('hello')).toBe(false);
    expect(isUsableAudioOffer(good.replace(/m=audio.*\r\n/, ''))).toBe(false);
    expect(isUsableAudioOffer(good.replace('m=audio 30000 UDP/TLS/RTP/SAVPF 8 0 101', 'm=audio xx'))).toBe(false);
  });
});
