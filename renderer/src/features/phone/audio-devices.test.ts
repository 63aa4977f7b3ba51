import { describe, expect, it } from 'vitest';
import { effectiveDevices } from './audio-devices';

const plugged = [
  { deviceId: 'mic-usb', kind: 'audioinput' as const, label: 'USB headset mic' },
  { deviceId: 'out-usb', kind: 'audiooutput' as const, label: 'USB headset' },
  { deviceId: 'out-spk', kind: 'audiooutput' as const, label: 'Speaker' },
];

describe('effectiveDevices', () => {
  it('uses the chosen devices while they are plugged in', () => {
    expect(effectiveDevices({ microphoneId: 'mic-usb', headsetId: 'out-usb', ringerId: 'out-spk' }, plugged)).toEqual({
      microphoneId: 'mic-usb', headsetId: 'out-usb', ringerId: 'out-spk', missing: [],
    });
  });
  it('falls back to the default for a device that vanished, and names it', () => {
    const unplugged = plugged.filter((d) => !d.deviceId.endsWith('usb'));
    expect(effectiveDevices({ microphoneId: 'mic-usb', headsetId: 'out-usb', ringerId: 'out-spk' }, unplugged)).toEqual({
      microphoneId: '', headsetId: '', ringerId: 'out-spk', missing: ['microphoneId', 'headsetId'],
    });
  });
});
