/**
 * A second (and third) phone for the SIP tests: a plain sip.js user agent in
 * its own browser page, driven by Playwright through `window.peer`. Bundled
 * with esbuild by peer-server.ts. It plays the caller, a transfer target and a
 * department expert.
 */
import type { Session } from 'sip.js';
import { Invitation, Inviter, Registerer, RegistererState, SessionState, SIPExtension, UserAgent } from 'sip.js';

interface StartOptions {
  user: string;
  server: string;
  domain: string;
  password?: string;
}

const media = { constraints: { audio: true, video: false } };
let ua: UserAgent | null = null;
let registerer: Registerer | null = null;
let session: Session | null = null;
let pending: Invitation | null = null;
let autoAnswer = false;
const infos: string[] = [];
/** What happened, for failure messages. */
const events: string[] = [];
const sessionStates: string[] = [];
let inviteSentAt = 0;
let invitesReceived = 0;
let lastReferredBy = '';
/**
 * The last INVITE's dialled user (To; the proxy rewrites the request URI to this phone's contact) and its
 * caller, so a page standing in for a PBX feature code can tell what was dialled.
 */
let lastInvite: { to: string; from: string } | null = null;

const now = (): number => performance.timeOrigin + performance.now();

/** Plays the far end's audio like a phone would (Chromium only measures received audio levels while it plays out). */
function play(s: Session): void {
  const stream = (s.sessionDescriptionHandler as { remoteMediaStream?: MediaStream } | undefined)?.remoteMediaStream;
  if (!stream) return;
  const audio = new Audio();
  audio.srcObject = stream;
  void audio.play().catch(() => undefined);
}

function watch(s: Session): void {
  session = s;
  s.stateChange.addListener((state) => {
    sessionStates.push(state);
    if (state === SessionState.Established) play(s);
    if (state === SessionState.Terminated && session === s) session = null;
  });
  s.delegate = {
    onInfo(info) {
      infos.push(info.request.body);
      void info.accept();
    },
    onRefer(referral) {
      // Transferee: accept, call the target (with Replaces for an attended transfer), then leave the old leg.
      events.push(`REFER ${referral.referTo.toString()}`);
      void referral
        .accept()
        .then(() => {
          const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: media });
          watch(inviter);
          return inviter.invite({ requestDelegate: { onReject: (r) => { events.push(`transfer INVITE rejected ${String(r.message.statusCode)}`); } } });
        })
        .catch((error: unknown) => {
          events.push(`REFER failed ${String(error)}`);
        });
    },
  };
}

async function start(o: StartOptions): Promise<void> {
  const uri = UserAgent.makeURI(`sip:${o.user}@${o.domain}`);
  if (!uri) throw new Error('bad uri');
  ua = new UserAgent({
    uri,
    transportOptions: { server: o.server },
    authorizationUsername: o.user,
    authorizationPassword: o.password ?? '',
    sipExtensionReplaces: SIPExtension.Supported,
    logLevel: 'error',
    sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 500 },
    delegate: {
      onInvite(invitation) {
        invitesReceived += 1;
        lastReferredBy = invitation.request.getHeader('Referred-By') ?? '';
        lastInvite = { to: invitation.request.to.uri.user ?? '', from: invitation.request.from.uri.user ?? '' };
        watch(invitation);
        if (autoAnswer || invitation.replacee) void invitation.accept({ sessionDescriptionHandlerOptions: media });
        else pending = invitation;
      },
    },
  });
  await ua.start();
  // Timestamp the INVITE as it leaves, for the latency benchmark.
  const transport = ua.transport;
  const send = transport.send.bind(transport);
  transport.send = (message: string) => {
    if (message.startsWith('INVITE ') && !/\r\nTo: [^\r\n]*;tag=/i.test(message)) inviteSentAt = now();
    return send(message);
  };
  registerer = new Registerer(ua, { expires: 300 });
  await new Promise<void>((resolve, reject) => {
    registerer?.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) resolve();
    });
    void registerer?.register({ requestDelegate: { onReject: (r) => { reject(new Error(`REGISTER ${String(r.message.statusCode)}`)); } } });
  });
}

function pc(): RTCPeerConnection | undefined {
  const sdh = session?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined;
  return sdh?.peerConnection;
}

async function stats(): Promise<{ bytesReceived: number; bytesSent: number }> {
  const result = { bytesReceived: 0, bytesSent: 0 };
  const peer = pc();
  if (!peer) return result;
  (await peer.getStats()).forEach((s: Record<string, unknown>) => {
    if (s.kind !== 'audio') return;
    if (s.type === 'inbound-rtp') result.bytesReceived += Number(s.bytesReceived ?? 0);
    if (s.type === 'outbound-rtp') result.bytesSent += Number(s.bytesSent ?? 0);
  });
  return result;
}

/** Sum of the decoded audio energy received so far (grows only while the far end sends sound, not silence). */
async function audioEnergy(): Promise<number> {
  const peer = pc();
  if (!peer) return 0;
  let energy = 0;
  (await peer.getStats()).forEach((s: Record<string, unknown>) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') energy += Number(s.totalAudioEnergy ?? 0);
  });
  return energy;
}

/** Calls the target; `extraHeaders` (e.g. an ACD's `Call-Info: <…>;answer-after=0`) go on the INVITE; a final refusal is kept in events. */
function call(target: string, extraHeaders: string[] = []): void {
  if (!ua) throw new Error('not started');
  const uri = UserAgent.makeURI(target);
  if (!uri) throw new Error('bad target');
  const inviter = new Inviter(ua, uri, { sessionDescriptionHandlerOptions: media, extraHeaders });
  watch(inviter);
  void inviter.invite({ requestDelegate: { onReject: (r) => { events.push(`INVITE rejected ${String(r.message.statusCode)}`); } } });
}

async function answer(): Promise<void> {
  const invitation = pending;
  pending = null;
  if (!invitation) throw new Error('nothing ringing');
  await invitation.accept({ sessionDescriptionHandlerOptions: media });
}

async function hangup(): Promise<void> {
  const s = session;
  if (!s) return;
  if (s.state === SessionState.Established) await s.bye();
  else if (s instanceof Inviter) await s.cancel();
  else if (s instanceof Invitation) await s.reject();
}

/** The far end's hold: re-INVITE with sendonly; resolves with the direction in the 200's SDP. */
function hold(on: boolean): Promise<string> {
  const s = session;
  if (!s) return Promise.reject(new Error('no call'));
  s.sessionDescriptionHandlerOptionsReInvite = { hold: on } as object;
  return new Promise((resolve, reject) => {
    void s.invite({
      requestDelegate: {
        onAccept: (r) => { resolve(/a=(sendrecv|sendonly|recvonly|inactive)/.exec(r.message.body)?.[1] ?? ''); },
        onReject: (r) => { reject(new Error(String(r.message.statusCode))); },
      },
    });
  });
}

async function stop(): Promise<void> {
  await hangup().catch(() => undefined);
  await registerer?.unregister().catch(() => undefined);
  await ua?.stop();
}

const peer = {
  start,
  call,
  answer,
  hangup,
  hold,
  stats,
  audioEnergy,
  stop,
  setAutoAnswer: (on: boolean) => { autoAnswer = on; },
  state: () => session?.state ?? 'none',
  ringing: () => pending !== null,
  infos: () => [...infos],
  events: () => [...events],
  sessionStates: () => [...sessionStates],
  inviteSentAt: () => inviteSentAt,
  invitesReceived: () => invitesReceived,
  referredBy: () => lastReferredBy,
  lastInvite: () => lastInvite,
  remoteDirection: () => pc()?.getTransceivers().map((t) => t.currentDirection) ?? [],
};

Object.assign(window, { peer });
export type Peer = typeof peer;
