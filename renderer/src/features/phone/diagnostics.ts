import { phoneEngine } from './phone-engine';
import { usePhoneStore } from './phone-store';

export interface PhoneDiagnostics {
  registration(): string;
  /** Whether the ring tone is playing now. */
  ringing(): boolean;
  /** Every registration status since the page loaded, oldest first (e.g. registered → reconnecting → registered). */
  registrationHistory(): string[];
  calls(): { id: string; phase: string; remoteNumber: string; muted: boolean }[];
  /** Audio RTP counters of a call (the focused one by default), from getStats. */
  stats(id?: string): Promise<{ bytesReceived: number; bytesSent: number; packetsReceived: number; iceState: string; signalingState: string; localUfrag: string } | null>;
  /** The far end's current SDP direction for a call (`sendrecv`, `recvonly` …). */
  directions(id?: string): (string | null)[];
  /** Whether the microphone tracks of a call are enabled (false while muted). */
  senderEnabled(id?: string): boolean[];
}

/**
 * A read-only window on the phone for support staff in DevTools and for the
 * end-to-end tests (`window.deskPhone`): registration, calls and media counters.
 * It cannot place or change calls.
 */
export function exposePhoneDiagnostics(): void {
  if ('deskPhone' in window) return; // already there (a development reload of this module)
  const history: string[] = [usePhoneStore.getState().registration];
  usePhoneStore.subscribe((state, previous) => {
    if (state.registration !== previous.registration) history.push(state.registration);
  });
  const diagnostics: PhoneDiagnostics = {
    registration: () => usePhoneStore.getState().registration,
    ringing: () => phoneEngine.ringing,
    registrationHistory: () => [...history],
    calls: () => Object.values(usePhoneStore.getState().calls).map(({ id, phase, remoteNumber, muted }) => ({ id, phase, remoteNumber, muted })),
    stats: async (id) => phoneEngine.stats(id ?? usePhoneStore.getState().focusedCallId),
    directions: (id) => {
      const callId = id ?? usePhoneStore.getState().focusedCallId;
      const pc = callId ? phoneEngine.peerConnection(callId) : undefined;
      return pc ? pc.getTransceivers().map((t) => t.currentDirection) : [];
    },
    senderEnabled: (id) => {
      const callId = id ?? usePhoneStore.getState().focusedCallId;
      const pc = callId ? phoneEngine.peerConnection(callId) : undefined;
      return pc ? pc.getSenders().map((s) => s.track?.enabled ?? false) : [];
    },
  };
  Object.defineProperty(window, 'deskPhone', { value: Object.freeze(diagnostics), configurable: false });
}
