import { create } from 'zustand';
import type { AgentEvent, AgentStatus } from '../../../../shared/phone/agent-state';
import { nextAgentStatus } from '../../../../shared/phone/agent-state';
import type { CallQuality } from '../../../../shared/phone/call-quality';
import type { PhoneSettingsView } from '../../../../shared/phone/phone-settings';
import type { RegistrationFailure, RegistrationStatus } from '../../../../shared/phone/registration-status';
import type { CallView } from './sip/call-view';

/**
 * The phone as the UI sees it. The engine (phone-engine.ts) writes here; components
 * read with narrow selectors and call the engine for actions.
 */
interface PhoneState {
  registration: RegistrationStatus;
  failure: RegistrationFailure | null;
  settings: PhoneSettingsView | null;
  /** Live calls by id (ringing, dialing, active, held). */
  calls: Record<string, CallView>;
  /** The call the controls act on: the consultation during an attended transfer, else the newest live call. */
  focusedCallId: string | null;
  /** The last call that ended, kept for the screen pop until the next call. */
  lastEnded: CallView | null;
  quality: CallQuality | null;
  agent: AgentStatus;
  /** The operator asked for a supervisor (abusive caller, hard case): the seat lights up on the board until cleared. */
  helpRequested: boolean;
  /** i18n key of the last action error, shown as a message once. */
  lastError: string | null;
  missingDevices: string[];
  registrationChanged: (registration: RegistrationStatus, failure: RegistrationFailure | null) => void;
  settingsLoaded: (settings: PhoneSettingsView) => void;
  callChanged: (call: CallView) => void;
  qualityMeasured: (quality: CallQuality | null) => void;
  agentEvent: (event: AgentEvent) => void;
  helpToggled: () => void;
  errorRaised: (key: string | null) => void;
  devicesMissing: (missing: string[]) => void;
}

function focusOf(calls: Record<string, CallView>): string | null {
  const live = Object.values(calls);
  const consult = live.find((c) => c.consultFor !== null);
  if (consult) return consult.id;
  return live.sort((a, b) => b.startedAt - a.startedAt)[0]?.id ?? null;
}

export const usePhoneStore = create<PhoneState>()((set) => ({
  registration: 'unconfigured',
  failure: null,
  settings: null,
  calls: {},
  focusedCallId: null,
  lastEnded: null,
  quality: null,
  agent: { state: 'signed_out', since: Date.now() },
  helpRequested: false,
  lastError: null,
  missingDevices: [],
  registrationChanged: (registration, failure) => {
    set({ registration, failure });
  },
  settingsLoaded: (settings) => {
    set({ settings });
  },
  callChanged: (call) => {
    set((s) => {
      const calls = Object.fromEntries(Object.entries(s.calls).filter(([id]) => id !== call.id));
      if (call.phase !== 'ended') calls[call.id] = call;
      return {
        calls,
        focusedCallId: focusOf(calls),
        lastEnded: call.phase === 'ended' && call.consultFor === null ? call : s.lastEnded,
        quality: call.phase === 'ended' && Object.keys(calls).length === 0 ? null : s.quality,
      };
    });
  },
  qualityMeasured: (quality) => {
    set({ quality });
  },
  helpToggled: () => {
    set((s) => ({ helpRequested: !s.helpRequested }));
  },
  agentEvent: (event) => {
    set((s) => ({ agent: nextAgentStatus(s.agent, event, Date.now()) }));
  },
  errorRaised: (lastError) => {
    set({ lastError });
  },
  devicesMissing: (missingDevices) => {
    set({ missingDevices });
  },
}));

/** The focused call, for the controls. */
export const useFocusedCall = (): CallView | null => usePhoneStore((s) => (s.focusedCallId ? (s.calls[s.focusedCallId] ?? null) : null));
/** The call that is ringing, if any (the screen pop shows it first). */
export const useRingingCall = (): CallView | null => usePhoneStore((s) => Object.values(s.calls).find((c) => c.phase === 'ringing') ?? null);
