import type { PhoneSettings } from '../../../../shared/phone/phone-settings';
import { usePhoneStore } from './phone-store';

export type CheckName = 'websocket' | 'registration' | 'ice' | 'microphone';
export interface CheckResult {
  name: CheckName;
  ok: boolean;
  detail: string;
}

/**
 * The sign-in self-check: can the desk reach the SIP server's WebSocket, is the
 * seat registered, does ICE find a local path (host candidates, plus relay/srflx
 * when ICE servers are set), and does the microphone deliver sound.
 */
export async function runSelfCheck(settings: PhoneSettings, onResult: (result: CheckResult) => void): Promise<void> {
  onResult(await checkWebSocket(settings.serverUri));
  const registration = usePhoneStore.getState().registration;
  onResult({ name: 'registration', ok: registration === 'registered', detail: registration });
  onResult(await checkIce(settings));
  onResult(await checkMicrophone(settings.devices.microphoneId));
}

function checkWebSocket(uri: string): Promise<CheckResult> {
  return new Promise((resolve) => {
    if (!uri) {
      resolve({ name: 'websocket', ok: false, detail: 'no server' });
      return;
    }
    const started = performance.now();
    const socket = new WebSocket(uri, 'sip');
    const timer = setTimeout(() => {
      socket.close();
      resolve({ name: 'websocket', ok: false, detail: 'timeout' });
    }, 5_000);
    socket.onopen = () => {
      clearTimeout(timer);
      socket.close();
      resolve({ name: 'websocket', ok: true, detail: `${Math.round(performance.now() - started)} ms` });
    };
    socket.onerror = () => {
      clearTimeout(timer);
      resolve({ name: 'websocket', ok: false, detail: 'error' });
    };
  });
}

async function checkIce(settings: PhoneSettings): Promise<CheckResult> {
  const pc = new RTCPeerConnection({ iceServers: settings.iceServers });
  const types = new Set<string>();
  try {
    // Host candidates need microphone permission in Chromium (otherwise only mDNS names, or none).
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    pc.onicecandidate = (event) => {
      if (event.candidate?.type) types.add(event.candidate.type);
    };
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3_000);
      pc.onicegatheringstatechange = () => {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    for (const track of stream.getTracks()) track.stop();
    return { name: 'ice', ok: types.size > 0, detail: [...types].join(', ') || 'no candidates' };
  } catch (error) {
    return { name: 'ice', ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    pc.close();
  }
}

async function checkMicrophone(deviceId: string): Promise<CheckResult> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { ideal: deviceId } } : true });
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(stream).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    let peak = 0;
    for (let i = 0; i < 15; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      analyser.getFloatTimeDomainData(data);
      for (const v of data) peak = Math.max(peak, Math.abs(v));
    }
    for (const track of stream.getTracks()) track.stop();
    await context.close();
    const db = peak > 0 ? 20 * Math.log10(peak) : -Infinity;
    return { name: 'microphone', ok: peak > 0.001, detail: Number.isFinite(db) ? `peak ${db.toFixed(0)} dBFS` : 'silent' };
  } catch (error) {
    return { name: 'microphone', ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
