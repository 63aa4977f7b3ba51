import type { AudioDevices } from '../../../../shared/phone/phone-settings';

export interface DeviceInfo {
  deviceId: string;
  kind: MediaDeviceKind;
  label: string;
}

/**
 * The devices to use right now: the chosen ones when they are plugged in,
 * the default (`''`) for any that disappeared. Re-plugging brings the chosen
 * one back because the choice itself is never overwritten.
 */
export function effectiveDevices(chosen: AudioDevices, available: readonly DeviceInfo[]): AudioDevices & { missing: (keyof AudioDevices)[] } {
  const has = (kind: MediaDeviceKind, id: string): boolean => id === '' || available.some((d) => d.kind === kind && d.deviceId === id);
  const missing: (keyof AudioDevices)[] = [];
  const pick = (key: keyof AudioDevices, kind: MediaDeviceKind): string => {
    if (has(kind, chosen[key])) return chosen[key];
    missing.push(key);
    return '';
  };
  return {
    microphoneId: pick('microphoneId', 'audioinput'),
    headsetId: pick('headsetId', 'audiooutput'),
    ringerId: pick('ringerId', 'audiooutput'),
    missing,
  };
}

export async function listAudioDevices(): Promise<DeviceInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'audioinput' || d.kind === 'audiooutput').map(({ deviceId, kind, label }) => ({ deviceId, kind, label }));
}
