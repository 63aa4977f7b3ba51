import { useSettingsStore } from '../../stores/settings-store';
import { shiftClosing } from '../../../../shared/shift-clock';
import { acdAutoAnswerDelayMs } from '../../../../shared/phone/acd-auto-answer';
import { refusesNewCalls } from '../../../../shared/phone/agent-state';
import { callQuality } from '../../../../shared/phone/call-quality';
import type { MediaSample } from '../../../../shared/phone/call-quality';
import type { PhoneSettings, PhoneSettingsView, SipCredentials } from '../../../../shared/phone/phone-settings';
import { isPhoneConfigured } from '../../../../shared/phone/phone-ready';
import type { DtmfTone } from '../../../../shared/phone/sip-target';
import { toDialTarget } from '../../../../shared/phone/sip-target';
import { desk } from '../../desk/desk';
import { effectiveDevices, listAudioDevices } from './audio-devices';
import { holdPhoneLeadership } from './leader';
import { mediaSample } from './media-stats';
import { usePhoneStore } from './phone-store';
import { Ringer } from './ringer';
import type { CallController } from './sip/call-controller';
import type { CallView } from './sip/call-view';
import type { RegistrationKeeper } from './sip/registration-keeper';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import type { JoinOutcome } from '../../../../shared/phone/join-call';
import type * as JoinCall from '../../../../shared/phone/join-call';
import type { JoinMode } from '../../../../shared/phone/phone-settings';

/**
 * The desk's one phone: registration, calls, ringer, devices, quality, call
 * records and agent state, wired to the phone store. Only the tab that holds the
 * phone lock runs it; the others stand by (one desk, one phone).
 */
class PhoneEngine {
  private keeper: RegistrationKeeper | null = null;
  private calls: CallController | null = null;
  /** The join rules (shared/phone/join-call.ts, with zod) come with the SIP stack: no phone registered, no join. */
  private joinRules: typeof JoinCall | null = null;
  private readonly ringer = new Ringer();
  private settings: PhoneSettings | null = null;
  private qualityTimer: ReturnType<typeof setInterval> | undefined;
  private acwTimer: ReturnType<typeof setTimeout> | undefined;
  private previousSample: MediaSample | null = null;
  private leader = false;
  private starting: Promise<void> | null = null;
  private restartWhenIdle = false;

  /** Called once at start-up: waits for the phone lock, then registers. */
  boot(): void {
    const store = usePhoneStore.getState();
    store.registrationChanged('standby', null);
    holdPhoneLeadership(() => {
      this.leader = true;
      void this.restart();
    });
    navigator.mediaDevices.addEventListener('devicechange', () => {
      void this.applyDevices();
    });
  }

  /**
   * After the operator saved the phone settings: devices and call options apply
   * at once, even during a call; a changed account (server, extension, password …)
   * re-registers, but only once no call is live, so saving never drops a call.
   */
  async settingsSaved(view: PhoneSettingsView, passwordChanged: boolean): Promise<void> {
    // The schema (zod) is fetched here, once the operator has saved: the first paint does without it.
    const { phoneSettingsSchema } = await import('../../../../shared/phone/phone-settings');
    const before = this.settings;
    usePhoneStore.getState().settingsLoaded(view);
    const next = phoneSettingsSchema.parse(view); // drops the view-only fields
    if (before && !passwordChanged && accountKey(before) === accountKey(next)) {
      this.settings = next;
      await this.applyDevices();
      return;
    }
    if (Object.keys(usePhoneStore.getState().calls).length > 0) {
      this.restartWhenIdle = true;
      return;
    }
    await this.restart();
  }

  /** (Re)starts the user agent with the saved account; used after the settings change. */
  async restart(): Promise<void> {
    if (!this.leader) return;
    await this.starting;
    this.starting = this.startNow();
    await this.starting;
  }

  private async startNow(): Promise<void> {
    const store = usePhoneStore.getState();
    const [view, credentials] = await Promise.all([desk.getPhoneSettings(), desk.getSipCredentials()]);
    if (view.ok) store.settingsLoaded(view.value);
    if (!credentials.ok) {
      store.registrationChanged('failed', 'bad_settings');
      return;
    }
    await this.stopUserAgent();
    this.settings = credentials.value.settings;
    if (!isPhoneConfigured(this.settings)) {
      store.registrationChanged('unconfigured', null);
      return;
    }
    await this.startUserAgent(credentials.value);
    await this.applyDevices();
    await this.keeper?.start();
  }

  /**
   * The SIP stack (sip.js, about 215 kB) is a chunk of its own, fetched here: after the workbench's first
   * paint, before the first registration, so every call (answered or placed) finds it loaded. Starts run
   * one at a time (`restart`), so no second user agent can begin while the chunk loads.
   */
  private async startUserAgent(credentials: SipCredentials): Promise<void> {
    const [{ RegistrationKeeper }, { CallController }, { MicrophoneWarmer }, joinRules] = await Promise.all([
      import('./sip/registration-keeper'),
      import('./sip/call-controller'),
      import('./sip/microphone-warmer'),
      import('../../../../shared/phone/join-call'),
    ]);
    this.joinRules = joinRules;
    const store = usePhoneStore.getState();
    const microphone = new MicrophoneWarmer();
    const keeper = new RegistrationKeeper(credentials, {
      status: (status, failure) => {
        // The desk's log says when and why the phone lost its registration, for the "no calls arrived" complaint.
        void desk.log({ level: status === 'failed' ? 'warn' : 'info', message: `phone registration ${status}`, context: { status, failure } });
        usePhoneStore.getState().registrationChanged(status, failure);
        if (status === 'registered') usePhoneStore.getState().agentEvent({ type: 'sign_in' });
      },
      transportRestored: () => {
        void this.calls?.restartMedia().then((results) => {
          for (const { id, accepted } of results) {
            void desk.log({ level: accepted ? 'info' : 'warn', message: 'phone media restart (re-INVITE with ICE restart)', context: { callId: id, accepted } });
          }
        });
      },
      invite: (invitation) => {
        if (this.shiftClosing()) {
          // 480: the PBX or ACD routes the caller to another seat instead of ringing one about to hand over.
          void invitation.reject({ statusCode: 480, reasonPhrase: 'Shift Ending' }).catch(() => undefined);
          void desk.log({ level: 'info', message: 'incoming call declined: the shift ends soon', context: {} });
          return;
        }
        if (refusesNewCalls(usePhoneStore.getState().agent) && Object.keys(usePhoneStore.getState().calls).length === 0) {
          // 480: not ready (break, training) — the PBX or ACD tries another seat; the board already shows why.
          const state = usePhoneStore.getState().agent.state;
          void invitation.reject({ statusCode: 480, reasonPhrase: 'Agent Not Ready' }).catch(() => undefined);
          void desk.log({ level: 'info', message: 'incoming call declined: the seat is not ready', context: { state } });
          return;
        }
        const id = this.calls?.incoming(invitation);
        // Only a call the ACD marks is answered without a key press, after the delay it asks for; others ring.
        const delay = acdAutoAnswerDelayMs({ callInfo: invitation.request.getHeaders('Call-Info'), alertInfo: invitation.request.getHeaders('Alert-Info') });
        if (id && this.settings?.autoAnswer && delay !== null) this.answerAfter(id, delay);
      },
    }, microphone.factory);
    this.keeper = keeper;
    this.calls = new CallController(keeper.ua, credentials.settings, {
      changed: (call) => {
        store.callChanged(call);
        this.afterCallChange(call);
      },
      ended: (call) => {
        void this.record(call);
      },
    }, microphone);
  }

  /** No new call in the last minutes of the shift, unless one is already in progress (a transfer back, a consultation). */
  private shiftClosing(): boolean {
    const { settings } = useSettingsStore.getState();
    if (Object.keys(usePhoneStore.getState().calls).length > 0) return false;
    return shiftClosing(settings.shift, Date.now(), settings.stopCallsBeforeShiftEndMinutes, -new Date().getTimezoneOffset());
  }

  private async stopUserAgent(): Promise<void> {
    const keeper = this.keeper;
    this.keeper = null;
    this.calls = null;
    this.ringer.stop();
    if (keeper) await keeper.stop();
  }

  // ---- actions (the phone bar, shortcuts and the screen pop call these) ----

  async answer(id = this.ringingId()): Promise<void> {
    if (!id) return;
    this.ringer.stop();
    performance.mark('phone:answer', { detail: id });
    await this.guard(() => this.calls?.answer(id));
  }

  /** Answers the call after the ACD's delay, if it is still ringing then (the caller may have hung up). */
  private answerAfter(id: string, delayMs: number): void {
    const answerIfRinging = (): void => {
      if (usePhoneStore.getState().calls[id]?.phase === 'ringing') void this.answer(id);
    };
    if (delayMs === 0) answerIfRinging();
    else setTimeout(answerIfRinging, delayMs);
  }

  async hangup(id = usePhoneStore.getState().focusedCallId ?? this.ringingId()): Promise<void> {
    if (id) await this.guard(() => this.calls?.hangup(id));
  }

  async toggleHold(): Promise<void> {
    const call = this.focused();
    if (call) await this.guard(() => this.calls?.setHold(call.id, call.phase !== 'held'));
  }

  toggleMute(): void {
    const call = this.focused();
    if (call) this.calls?.setMuted(call.id, !call.muted);
  }

  async dtmf(tone: DtmfTone): Promise<void> {
    const call = this.focused();
    if (call) await this.guard(() => this.calls?.sendDtmf(call.id, tone));
  }

  /**
   * Dials what the operator typed, or a callback's number; the call's id, or null with an error key when it is
   * not a number or SIP URI. `shown` is what the screen shows for the other party instead of the number (a
   * confidential caller's, masked): the number itself goes only into the INVITE.
   */
  dial(input: string, shown?: string): string | null {
    const target = this.target(input);
    if (!target || !this.calls) return null;
    const calls = this.calls;
    return this.guardSync(() => calls.dial(target.uri, shown ?? target.user));
  }

  /** Whether this tab holds the desk's phone (the others stand by and leave requests to it). */
  get holdsPhone(): boolean {
    return this.leader;
  }

  /**
   * A supervisor joins a seat's call from the board: dials the PBX's join code
   * for the seat's extension. What the PBX then bridges (listen, whisper,
   * barge) is the PBX's doing; the desk only places the call.
   */
  joinCall(mode: JoinMode, extension: string): JoinOutcome {
    const rules = this.joinRules;
    // Without the rules the SIP stack has not been fetched, so the phone is not registered.
    if (!rules) return { status: 'refused', reason: 'not_registered' };
    const { joinTarget, phoneJoinRefusal, refused } = rules;
    const { registration, calls } = usePhoneStore.getState();
    const settings = this.settings;
    const refusal = phoneJoinRefusal({ registration, liveCalls: Object.keys(calls).length, extension: settings?.extension ?? '' }, extension);
    if (refusal) return refused(refusal);
    const controller = this.calls;
    if (!settings || !controller) return refused('not_registered');
    const target = joinTarget(settings.joinCodes, mode, extension, settings.domain);
    const id = this.guardSync(() => controller.dial(target.uri, target.dialString));
    return id === null ? refused('dial_failed') : { status: 'dialling', dialString: target.dialString };
  }

  async blindTransfer(input: string): Promise<boolean> {
    const call = this.focused();
    const target = this.target(input);
    if (!call || !target) return false;
    return (await this.guard(() => this.calls?.blindTransfer(call.id, target.uri))) !== null;
  }

  async startConsultation(input: string): Promise<boolean> {
    const call = this.focused();
    const target = this.target(input);
    if (!call || !target) return false;
    return (await this.guard(() => this.calls?.startConsultation(call.id, target.uri, target.user))) !== null;
  }

  async completeConsultation(): Promise<void> {
    const call = this.focused();
    if (call?.consultFor) await this.guard(() => this.calls?.completeConsultation(call.id));
  }

  async startConference(): Promise<void> {
    const call = this.focused();
    if (call?.consultFor) await this.guard(() => this.calls?.startConference(call.id));
  }

  /** Hangs up the focused call, or both legs of a three-way call. */
  async hangupAll(): Promise<void> {
    const { calls } = usePhoneStore.getState();
    const legs = Object.values(calls).filter((c) => c.conference);
    if (legs.length === 0) return this.hangup();
    for (const leg of legs) await this.guard(() => this.calls?.hangup(leg.id));
  }

  async cancelConsultation(): Promise<void> {
    const call = this.focused();
    if (call?.consultFor) await this.guard(() => this.calls?.cancelConsultation(call.id));
  }

  /** Re-checks the registration now (self-check, or the operator clicking the status). */
  checkRegistration(): void {
    this.keeper?.checkNow();
  }

  get ringing(): boolean {
    return this.ringer.ringing;
  }

  /** Diagnostics for the self-check and tests: media counters of a call. */
  async stats(id = usePhoneStore.getState().focusedCallId): Promise<Awaited<ReturnType<typeof mediaSample>> | null> {
    const pc = id ? this.calls?.peerConnection(id) : undefined;
    return pc ? mediaSample(pc) : null;
  }

  peerConnection(id: string): RTCPeerConnection | undefined {
    return this.calls?.peerConnection(id);
  }

  /** The operator's own choice of state (ready, break with a reason, training); calls still decide on_call and ACW. */
  setAgentState(event: { type: 'ready' } | { type: 'break'; reason: string } | { type: 'training' } | { type: 'sign_out' } | { type: 'sign_in' }): void {
    clearTimeout(this.acwTimer);
    usePhoneStore.getState().agentEvent(event);
  }

  /**
   * The operator's key for more after-call work: where the centre's mode is `extendable`, adds the set
   * after-call time again. Returns whether it did.
   */
  extendAfterCallWork(): boolean {
    const settings = this.settings;
    if (settings?.afterCallWorkMode !== 'extendable' || usePhoneStore.getState().agent.state !== 'after_call_work') return false;
    usePhoneStore.getState().agentEvent({ type: 'acw_extended', seconds: settings.afterCallWorkSeconds });
    this.scheduleAcwEnd();
    return true;
  }

  // ---- internals ----

  private afterCallChange(call: CallView): void {
    const { calls, agentEvent } = usePhoneStore.getState();
    const live = Object.values(calls);
    if (live.some((c) => c.phase === 'ringing')) {
      void this.ringer.start();
      if (call.phase === 'ringing') announce(call);
    } else this.ringer.stop();
    if (call.phase === 'active' && call.answeredAt !== null) {
      agentEvent({ type: 'call_started' });
      const ticketCall = useTicketDraftStore.getState().call;
      if (call.direction === 'inbound' && ticketCall?.callId !== call.id) {
        useTicketDraftStore.getState().callAnswered({ callId: call.id, number: call.remoteNumber, startedAt: new Date(call.startedAt).toISOString() });
      }
    }
    if (live.length === 0 && call.phase === 'ended') {
      agentEvent({ type: 'call_ended', afterCallWorkSeconds: this.settings?.afterCallWorkSeconds ?? 0, untilReady: this.settings?.afterCallWorkMode === 'until_ready' });
      this.scheduleAcwEnd();
      if (this.restartWhenIdle) {
        this.restartWhenIdle = false;
        void this.restart();
      }
    }
    this.pollQuality(live.some((c) => c.phase === 'active' || c.phase === 'held'));
  }

  private scheduleAcwEnd(): void {
    clearTimeout(this.acwTimer);
    const agent = usePhoneStore.getState().agent;
    if (agent.state !== 'after_call_work' || agent.acwEndsAt === undefined) return;
    this.acwTimer = setTimeout(() => {
      usePhoneStore.getState().agentEvent({ type: 'acw_finished' });
    }, agent.acwEndsAt - Date.now());
  }

  private pollQuality(on: boolean): void {
    if (!on) {
      clearInterval(this.qualityTimer);
      this.qualityTimer = undefined;
      this.previousSample = null;
      return;
    }
    if (this.qualityTimer !== undefined) return;
    this.qualityTimer = setInterval(() => {
      void this.stats().then((sample) => {
        if (!sample) return;
        usePhoneStore.getState().qualityMeasured(callQuality(this.previousSample, sample));
        this.previousSample = sample;
      });
    }, 2_000);
  }

  private async applyDevices(): Promise<void> {
    if (!this.settings) return;
    const devices = await listAudioDevices().catch(() => []);
    const effective = effectiveDevices(this.settings.devices, devices);
    usePhoneStore.getState().devicesMissing(effective.missing);
    await this.ringer.setDevice(effective.ringerId);
    this.calls?.updateSettings({ ...this.settings, devices: effective });
  }

  private async record(call: CallView): Promise<void> {
    if (call.outcome === null || call.endedAt === null) return;
    await desk.recordCall({
      callId: call.id,
      direction: call.direction,
      remoteNumber: call.remoteNumber.slice(0, 100),
      ...(call.remoteName ? { remoteName: call.remoteName.slice(0, 100) } : {}),
      startedAt: new Date(call.startedAt).toISOString(),
      ...(call.answeredAt === null ? {} : { answeredAt: new Date(call.answeredAt).toISOString() }),
      endedAt: new Date(call.endedAt).toISOString(),
      outcome: call.outcome,
      ...(call.endedBy ? { endedBy: call.endedBy } : {}),
      ...(call.transferTarget ? { transferTarget: call.transferTarget.slice(0, 200) } : {}),
      ...ticketOf(call.id),
    });
  }

  private target(input: string): { uri: string; user: string } | null {
    const target = toDialTarget(input, this.settings?.domain ?? '');
    if (!target.ok) {
      usePhoneStore.getState().errorRaised(target.error);
      return null;
    }
    return target;
  }

  private focused(): CallView | null {
    const { focusedCallId, calls } = usePhoneStore.getState();
    return focusedCallId ? (calls[focusedCallId] ?? null) : null;
  }

  private ringingId(): string | undefined {
    return Object.values(usePhoneStore.getState().calls).find((c) => c.phase === 'ringing')?.id;
  }

  private async guard<T>(action: () => Promise<T> | T | undefined): Promise<T | null> {
    try {
      return (await action()) ?? null;
    } catch (error) {
      usePhoneStore.getState().errorRaised(errorKey(error));
      return null;
    }
  }

  private guardSync<T>(action: () => T): T | null {
    try {
      return action();
    } catch (error) {
      usePhoneStore.getState().errorRaised(errorKey(error));
      return null;
    }
  }
}

/** The fields that make up the SIP account: changing any of them needs a new registration. */
function accountKey(s: PhoneSettings): string {
  return JSON.stringify([s.serverUri, s.domain, s.extension, s.authUser, s.displayName, s.iceServers, s.registerExpiresSeconds, s.keepAliveSeconds]);
}

function errorKey(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return message.startsWith('phone.errors.') ? message : 'phone.errors.actionFailed';
}

/** Desktop notification and window to front, so a ring is noticed while the operator works in another window. */
function announce(call: CallView): void {
  window.focus();
  if ('Notification' in window && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
    new Notification('来电', { body: call.remoteNumber, tag: call.id });
  }
}

export const phoneEngine = new PhoneEngine();

/** The ticket registered during this call, if any (one registered after the call is linked by the ticket form). */
function ticketOf(callId: string): { ticketId?: string } {
  const call = useTicketDraftStore.getState().call;
  return call?.callId === callId && call.ticketId ? { ticketId: call.ticketId } : {};
}
