import type { Session, UserAgent, Web } from 'sip.js';
import { Invitation, Inviter, SessionState, UserAgent as UA } from 'sip.js';
import { unansweredOutcome } from '../../../../../shared/phone/call-state';
import type { CallOutcome } from '../../../../../shared/phone/call-state';
import type { DtmfMode, PhoneSettings } from '../../../../../shared/phone/phone-settings';
import { displayNumber } from '../../../../../shared/phone/sip-target';
import type { DtmfTone } from '../../../../../shared/phone/sip-target';
import type { CallView } from './call-view';
import { ConferenceMixer } from './conference-mixer';
import type { MicrophoneWarmer } from './microphone-warmer';
import { isUsableAudioOffer } from './sdp-check';
import { audioConstraints } from './user-agent-options';

export interface CallEvents {
  changed(call: CallView): void;
  /** Fired once per call when it is over; the view carries the outcome. */
  ended(call: CallView): void;
}

interface Entry {
  session: Session;
  view: CallView;
  audio: HTMLAudioElement | null;
  held: boolean;
  /** Set before this desk ends the call, to tell a local hang-up from the far end's. */
  endingLocally: boolean;
  outcomeOverride: CallOutcome | null;
  /** The re-INVITE in flight (hold, ICE restart), so a hang-up waits for its ACK instead of racing it. */
  reInviting: Promise<boolean> | null;
}

type WebSdh = Web.SessionDescriptionHandler;

/**
 * The Refer-To of an attended transfer. sip.js would put the target's Contact
 * there, which behind a WebSocket proxy is a `*.invalid` address only that proxy
 * connection can reach; the transferee's new INVITE must go through the PBX like
 * any call, so the desk refers to the target's address of record and adds
 * Replaces for the consultation dialog (RFC 3891). sip.js builds Refer-To from
 * exactly these fields of a session.
 */
function replacesTarget(consult: Session): Session {
  const dialog = consult.dialog;
  if (!dialog) throw new Error('phone.errors.noCall');
  return {
    dialog: { remoteTarget: consult.remoteIdentity.uri, callId: dialog.callId, remoteTag: dialog.remoteTag, localTag: dialog.localTag },
    remoteIdentity: consult.remoteIdentity,
  } as unknown as Session;
}

/**
 * Every call of the desk, around sip.js sessions: answer, dial, hang up,
 * hold, mute, DTMF, blind and attended transfer, media restart after a
 * transport loss. Holds no UI state; it reports plain `CallView`s.
 */
export class CallController {
  private readonly calls = new Map<string, Entry>();
  private conference: { ids: [string, string]; mixer: ConferenceMixer } | null = null;

  constructor(
    private readonly ua: UserAgent,
    private settings: PhoneSettings,
    private readonly events: CallEvents,
    private readonly microphone: MicrophoneWarmer | null = null,
  ) {}

  /** New devices (chosen in settings, or a fallback after one was unplugged) apply to live calls at once. */
  updateSettings(settings: PhoneSettings): void {
    const micChanged = settings.devices.microphoneId !== this.settings.devices.microphoneId;
    this.settings = settings;
    for (const entry of this.calls.values()) {
      void this.routeAudio(entry);
      if (micChanged) void this.switchMicrophone(entry);
    }
  }

  private async switchMicrophone(entry: Entry): Promise<void> {
    const pc = (entry.session.sessionDescriptionHandler as WebSdh | undefined)?.peerConnection;
    const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender) return;
    const stream = await navigator.mediaDevices.getUserMedia(audioConstraints(this.settings.devices.microphoneId)).catch(() => null);
    const track = stream?.getAudioTracks()[0];
    if (!track) return;
    track.enabled = !entry.view.muted;
    const old = sender.track;
    await sender.replaceTrack(track);
    old?.stop();
  }

  session(id: string): Session | undefined {
    return this.calls.get(id)?.session;
  }

  /** A new INVITE: refused at once if its offer is broken, otherwise ringing. Returns the call id, or null. */
  incoming(invitation: Invitation): string | null {
    if (!isUsableAudioOffer(invitation.request.body)) {
      void invitation.reject({ statusCode: 488, reasonPhrase: 'Not Acceptable Here' }).catch(() => undefined);
      return null;
    }
    const identity = invitation.remoteIdentity;
    const id = this.track(invitation, 'inbound', displayNumber(identity.uri.user, identity.displayName), identity.displayName || '', null).view.id;
    this.microphone?.prepare(id, audioConstraints(this.settings.devices.microphoneId));
    return id;
  }

  dial(uri: string, user: string, consultFor: string | null = null): string {
    const target = UA.makeURI(uri);
    if (!target) throw new Error('phone.errors.badTarget');
    const inviter = new Inviter(this.ua, target, { sessionDescriptionHandlerOptions: this.mediaOptions() });
    const entry = this.track(inviter, 'outbound', user, '', consultFor);
    inviter.invite().catch(() => {
      entry.outcomeOverride = 'failed';
    });
    return entry.view.id;
  }

  async answer(id: string): Promise<void> {
    const entry = this.calls.get(id);
    if (!(entry?.session instanceof Invitation) || entry.session.state !== SessionState.Initial) return;
    await entry.session.accept({ sessionDescriptionHandlerOptions: this.mediaOptions() });
  }

  async hangup(id: string): Promise<void> {
    const entry = this.calls.get(id);
    if (!entry) return;
    entry.endingLocally = true;
    const { session } = entry;
    if (entry.reInviting) await Promise.race([entry.reInviting, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Inviter && (session.state === SessionState.Initial || session.state === SessionState.Establishing)) await session.cancel();
    else if (session instanceof Invitation && session.state === SessionState.Initial) await session.reject();
  }

  async setHold(id: string, hold: boolean): Promise<boolean> {
    const entry = this.calls.get(id);
    if (entry?.session.state !== SessionState.Established || entry.held === hold) return false;
    const accepted = await this.reInvite(entry, { hold });
    if (accepted) {
      entry.held = hold;
      this.update(entry, { phase: hold ? 'held' : 'active' });
    }
    return accepted;
  }

  setMuted(id: string, muted: boolean): void {
    const entry = this.calls.get(id);
    const sdh = entry?.session.sessionDescriptionHandler as WebSdh | undefined;
    if (!entry || !sdh) return;
    if (this.conference?.ids.includes(id)) {
      // In a three-way call only the operator's microphone goes quiet; the two parties still hear each other.
      this.conference.mixer.setMicMuted(muted);
      for (const other of this.conference.ids) {
        const leg = this.calls.get(other);
        if (leg) this.update(leg, { muted });
      }
      return;
    }
    sdh.enableSenderTracks(!muted);
    this.update(entry, { muted });
  }

  async sendDtmf(id: string, tone: DtmfTone, mode: DtmfMode = this.settings.dtmfMode): Promise<void> {
    const entry = this.calls.get(id);
    if (entry?.session.state !== SessionState.Established) return;
    const sdh = entry.session.sessionDescriptionHandler as WebSdh | undefined;
    // RFC 4733 when the far end negotiated telephone-event; SIP INFO otherwise (and when configured).
    if (mode === 'rfc4733' && sdh?.sendDtmf(tone)) return;
    await entry.session.info({
      requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=160` } },
    });
  }

  /** REFER the far end to `uri`; the desk's leg ends once the target answered. Resolves with the final sipfrag line. */
  blindTransfer(id: string, uri: string): Promise<string> {
    const entry = this.calls.get(id);
    const target = UA.makeURI(uri);
    if (!entry || !target) return Promise.reject(new Error('phone.errors.badTarget'));
    return this.refer(entry, target, uri);
  }

  /** Attended transfer step 1: the caller is put on hold, then the target is called. Returns the consultation call's id. */
  async startConsultation(id: string, uri: string, user: string): Promise<string> {
    const entry = this.calls.get(id);
    if (!entry) throw new Error('phone.errors.noCall');
    if (!entry.held) await this.setHold(id, true);
    return this.dial(uri, user, id);
  }

  /** Attended transfer, complete: REFER with Replaces joins the caller and the target; both desk legs end. */
  async completeConsultation(consultId: string): Promise<string> {
    const consult = this.calls.get(consultId);
    const original = consult?.view.consultFor ? this.calls.get(consult.view.consultFor) : undefined;
    if (!consult || !original) throw new Error('phone.errors.noCall');
    const result = await this.refer(original, replacesTarget(consult.session), consult.view.remoteNumber);
    consult.outcomeOverride = 'transferred';
    if (consult.session.state === SessionState.Established) {
      consult.endingLocally = true;
      await consult.session.bye().catch(() => undefined);
    }
    return result;
  }

  /** Attended transfer, cancel: end the consultation and take the caller off hold. */
  async cancelConsultation(consultId: string): Promise<void> {
    const consult = this.calls.get(consultId);
    const originalId = consult?.view.consultFor;
    await this.hangup(consultId);
    if (originalId) await this.setHold(originalId, false);
  }

  /**
   * Attended transfer, or instead: a three-way call. The caller comes off hold and
   * both parties hear the operator and each other (mixed in the desk).
   */
  async startConference(consultId: string): Promise<void> {
    const consult = this.calls.get(consultId);
    const originalId = consult?.view.consultFor;
    const original = originalId ? this.calls.get(originalId) : undefined;
    if (!consult || !original || !originalId) throw new Error('phone.errors.noCall');
    await this.setHold(originalId, false);
    const a = original.session.sessionDescriptionHandler as WebSdh | undefined;
    const b = consult.session.sessionDescriptionHandler as WebSdh | undefined;
    const micTrack = a?.localMediaStream.getAudioTracks()[0];
    if (!a?.peerConnection || !b?.peerConnection || !micTrack) throw new Error('phone.errors.actionFailed');
    const mixer = new ConferenceMixer([a.peerConnection, b.peerConnection], [a.remoteMediaStream, b.remoteMediaStream], micTrack);
    mixer.setMicMuted(original.view.muted);
    this.conference = { ids: [originalId, consultId], mixer };
    this.update(consult, { consultFor: null, conference: true });
    this.update(original, { conference: true });
  }

  /** After the signalling transport came back: renegotiate ICE on every live call so media finds its path again. */
  async restartMedia(attempts = 3): Promise<{ id: string; accepted: boolean }[]> {
    const results: { id: string; accepted: boolean }[] = [];
    for (const entry of this.calls.values()) {
      let accepted = false;
      // A re-INVITE can race a second blip or a proxy that is still warming up: try again a few times.
      for (let attempt = 1; attempt <= attempts && !accepted && entry.session.state === SessionState.Established; attempt++) {
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 1_000));
        accepted = await this.reInvite(entry, { hold: entry.held, iceRestart: true });
      }
      if (entry.session.state === SessionState.Established) results.push({ id: entry.view.id, accepted });
    }
    return results;
  }

  peerConnection(id: string): RTCPeerConnection | undefined {
    return (this.calls.get(id)?.session.sessionDescriptionHandler as WebSdh | undefined)?.peerConnection;
  }

  liveCallIds(): string[] {
    return [...this.calls.keys()];
  }

  private mediaOptions(): Web.SessionDescriptionHandlerOptions {
    return { constraints: audioConstraints(this.settings.devices.microphoneId) };
  }

  private async reInvite(entry: Entry, options: { hold: boolean; iceRestart?: boolean }): Promise<boolean> {
    const session = entry.session;
    session.sessionDescriptionHandlerOptionsReInvite = {
      ...this.mediaOptions(),
      hold: options.hold,
      ...(options.iceRestart ? { offerOptions: { iceRestart: true } } : {}),
    } as Web.SessionDescriptionHandlerOptions;
    const done = new Promise<boolean>((resolve) => {
      session
        .invite({
          requestDelegate: {
            onAccept: () => {
              resolve(true);
            },
            onReject: () => {
              resolve(false);
            },
          },
        })
        .catch((error: unknown) => {
          console.warn('re-INVITE not sent', error);
          resolve(false);
        });
    });
    entry.reInviting = done;
    const accepted = await done;
    if (entry.reInviting === done) entry.reInviting = null;
    return accepted;
  }

  private refer(entry: Entry, target: Parameters<Session['refer']>[0], label: string): Promise<string> {
    this.update(entry, { transferTarget: label, transferProgress: null });
    return new Promise<string>((resolve, reject) => {
      entry.session
        .refer(target, {
          requestDelegate: {
            onReject: (response) => {
              reject(new Error(`REFER ${String(response.message.statusCode)}`));
            },
          },
          onNotify: (notification) => {
            const frag = (notification.request.body || '').split(/\r?\n/)[0]?.trim() ?? '';
            void notification.accept().catch(() => undefined);
            this.update(entry, { transferProgress: frag });
            const code = Number(/^SIP\/2\.0 (\d{3})/.exec(frag)?.[1] ?? 0);
            if (code >= 200 && code < 300) {
              entry.outcomeOverride = 'transferred';
              entry.endingLocally = true;
              if (entry.session.state === SessionState.Established) void entry.session.bye().catch(() => undefined);
              resolve(frag);
            } else if (code >= 300) {
              reject(new Error(frag));
            }
          },
        })
        .catch((error: unknown) => {
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  private track(session: Session, direction: CallView['direction'], remoteNumber: string, remoteName: string, consultFor: string | null): Entry {
    const view: CallView = {
      id: session.id,
      direction,
      remoteNumber,
      remoteName,
      phase: direction === 'inbound' ? 'ringing' : 'dialing',
      muted: false,
      startedAt: Date.now(),
      answeredAt: null,
      endedAt: null,
      outcome: null,
      endedBy: null,
      conference: false,
      consultFor,
      transferTarget: null,
      transferProgress: null,
    };
    const entry: Entry = { session, view, audio: null, held: false, endingLocally: false, outcomeOverride: null, reInviting: null };
    this.calls.set(view.id, entry);
    session.delegate = {
      onInfo: (info) => {
        void info.accept().catch(() => undefined);
      },
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.update(entry, { phase: 'active', answeredAt: entry.view.answeredAt ?? Date.now() });
        void this.routeAudio(entry);
      } else if (state === SessionState.Terminated) {
        this.finish(entry);
      }
    });
    this.events.changed(view);
    return entry;
  }

  private finish(entry: Entry): void {
    this.microphone?.release(entry.view.id);
    if (this.conference?.ids.includes(entry.view.id)) {
      // One party left: the other stays on a normal two-party call with the operator.
      const { mixer, ids } = this.conference;
      this.conference = null;
      void mixer.close();
      for (const id of ids) {
        const leg = this.calls.get(id);
        if (leg && leg !== entry) this.update(leg, { conference: false });
      }
    }
    entry.audio?.pause();
    if (entry.audio) entry.audio.srcObject = null;
    entry.audio = null;
    this.calls.delete(entry.view.id);
    const answered = entry.view.answeredAt !== null;
    const outcome =
      entry.outcomeOverride ?? (answered ? 'answered' : unansweredOutcome(entry.view.direction, entry.endingLocally ? 'local' : 'remote'));
    entry.view = { ...entry.view, phase: 'ended', endedAt: Date.now(), outcome, endedBy: entry.endingLocally ? 'local' : 'remote' };
    this.events.changed(entry.view);
    this.events.ended(entry.view);
  }

  /** The caller's voice plays on the headset device; a vanished device falls back to the default. */
  private async routeAudio(entry: Entry): Promise<void> {
    const sdh = entry.session.sessionDescriptionHandler as WebSdh | undefined;
    if (!sdh || entry.session.state !== SessionState.Established) return;
    if (!entry.audio) {
      entry.audio = new Audio();
      entry.audio.autoplay = true;
    }
    if (entry.audio.srcObject !== sdh.remoteMediaStream) entry.audio.srcObject = sdh.remoteMediaStream;
    const sinkId = this.settings.devices.headsetId;
    try {
      if (entry.audio.sinkId !== sinkId) await entry.audio.setSinkId(sinkId);
    } catch {
      await entry.audio.setSinkId('').catch(() => undefined);
    }
    await entry.audio.play().catch(() => undefined);
  }

  private update(entry: Entry, patch: Partial<CallView>): void {
    entry.view = { ...entry.view, ...patch };
    this.events.changed(entry.view);
  }
}
