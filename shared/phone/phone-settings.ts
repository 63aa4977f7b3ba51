import { z } from 'zod';

// Whether an account is complete has no zod (the workbench's phone asks it at start).
export { isPhoneConfigured } from './phone-ready';

/**
 * The softphone's account and device settings. Validation messages are i18n
 * keys (`phone.errors.*`) so the settings form can say what is wrong in the
 * operator's language. The SIP password is never part of these documents: it
 * goes through `password` in a patch and is kept sealed by the desk's secret store.
 */

/** `ws://` or `wss://` host[:port][/path]; plain `ws://` is accepted for loopback tests and lab PBXs. */
export const sipServerUriSchema = z
  .string()
  .trim()
  .max(200)
  .refine((value) => value === '' || isWebSocketUrl(value), 'phone.errors.serverUri');

/** scheme, host (name, IPv4 or [IPv6]), optional port, optional path. */
const WS_URL = /^(wss?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(\/[^\s?#]*)?$/i;

function isWebSocketUrl(value: string): boolean {
  const match = WS_URL.exec(value);
  if (!match) return false;
  const port = match[3] === undefined ? 0 : Number(match[3]);
  return port <= 65_535 && !(match[2] ?? '').startsWith('.');
}

/** A SIP domain: host name or IPv4 address, optional port is not part of a domain. */
export const sipDomainSchema = z
  .string()
  .trim()
  .max(120)
  .regex(/^$|^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, 'phone.errors.domain');

/** SIP user part for an extension / auth user: letters, digits and the unreserved marks only. */
export const sipUserSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[A-Za-z0-9_.!~*'()+-]*$/, 'phone.errors.user');

export const iceServerSchema = z.object({
  urls: z
    .string()
    .trim()
    .regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'phone.errors.iceServer'),
  username: z.string().max(120).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const dtmfModes = ['rfc4733', 'info'] as const;
export type DtmfMode = (typeof dtmfModes)[number];

export const audioDevicesSchema = z.object({
  /** `''` means the system default. */
  microphoneId: z.string().max(200),
  /** Where the caller's voice plays (the headset). */
  headsetId: z.string().max(200),
  /** Where the ring tone plays (usually the desk speaker), separately from the headset. */
  ringerId: z.string().max(200),
});
export type AudioDevices = z.infer<typeof audioDevicesSchema>;

const featureCode = z.string().regex(/^[0-9*#]{1,10}$/, '功能码只能包含数字、* 和 #，1 到 10 位');

/** Dial strings: the code followed by the seat's extension, e.g. `*222` + `8001` (Asterisk ChanSpy's usual codes as defaults). */
export const joinCodesSchema = z.object({
  /** 监听: hear both sides, unheard. */
  listen: featureCode,
  /** 耳语: speak to the operator only. */
  whisper: featureCode,
  /** 强插: join the call, heard by both. */
  barge: featureCode,
});
export type JoinCodes = z.infer<typeof joinCodesSchema>;
export const joinModes = ['listen', 'whisper', 'barge'] as const;
export type JoinMode = (typeof joinModes)[number];

/** What the supervisor's phone dials to join `extension`'s call in `mode`. */
export function joinDialString(codes: JoinCodes, mode: JoinMode, extension: string): string {
  if (!/^[0-9A-Za-z._-]{1,40}$/.test(extension)) throw new Error(`not an extension: ${extension}`);
  return `${codes[mode]}${extension}`;
}

export const afterCallWorkModes = ['timed', 'extendable', 'until_ready'] as const;
export type AfterCallWorkMode = (typeof afterCallWorkModes)[number];

export const phoneSettingsSchema = z.object({
  /** WebSocket URI of the PBX / SIP proxy, e.g. `wss://pbx.example.gov.cn:7443/ws`. */
  serverUri: sipServerUriSchema,
  /** Domain of the seat's address of record (`sip:extension@domain`). */
  domain: sipDomainSchema,
  extension: sipUserSchema,
  /** Digest username when it differs from the extension; `''` = the extension. */
  authUser: sipUserSchema,
  displayName: z.string().trim().max(60),
  iceServers: z.array(iceServerSchema).max(8),
  devices: audioDevicesSchema,
  /** For centres whose ACD pushes calls: answer after the screen pop, without a key press. */
  autoAnswer: z.boolean(),
  dtmfMode: z.enum(dtmfModes),
  registerExpiresSeconds: z.number().int().min(60).max(3600),
  /** How often the registration is proven alive (a re-REGISTER); always well inside the expiry. */
  keepAliveSeconds: z.number().int().min(5).max(600),
  /** After-call work before the seat goes back to ready; 0 = straight back to ready. */
  afterCallWorkSeconds: z.number().int().min(0).max(1800),
  /**
   * How after-call work ends, as the centre sets it: `timed` by itself after afterCallWorkSeconds; `extendable`
   * the same, and the operator's key adds afterCallWorkSeconds again; `until_ready` only when the operator says
   * ready (afterCallWorkSeconds 0 still goes straight back to ready).
   */
  afterCallWorkMode: z.enum(afterCallWorkModes),
  /** The PBX's feature codes with which a supervisor joins a seat's call (they differ between PBXs). */
  joinCodes: joinCodesSchema,
});
export type PhoneSettings = z.infer<typeof phoneSettingsSchema>;

export const defaultPhoneSettings: PhoneSettings = {
  serverUri: '',
  domain: '',
  extension: '',
  authUser: '',
  displayName: '',
  iceServers: [],
  devices: { microphoneId: '', headsetId: '', ringerId: '' },
  autoAnswer: false,
  dtmfMode: 'rfc4733',
  registerExpiresSeconds: 300,
  keepAliveSeconds: 30,
  afterCallWorkSeconds: 30,
  afterCallWorkMode: 'timed',
  joinCodes: { listen: '*222', whisper: '*223', barge: '*224' },
};

export const secretStorageKinds = ['os-keychain', 'file'] as const;

/** What the renderer sees of the settings: never the password, only whether one is saved and how. */
export const phoneSettingsViewSchema = phoneSettingsSchema.extend({
  hasPassword: z.boolean(),
  secretStorage: z.enum(secretStorageKinds),
});
export type PhoneSettingsView = z.infer<typeof phoneSettingsViewSchema>;

/** A change: any settings fields, plus `password` (a string sets it, `null` removes it). */
export const phoneSettingsPatchSchema = phoneSettingsSchema
  .partial()
  .extend({ password: z.string().max(200).nullable().optional() })
  .strict();
export type PhoneSettingsPatch = z.infer<typeof phoneSettingsPatchSchema>;

/** Everything the renderer's user agent needs to register. */
export const sipCredentialsSchema = z.object({
  settings: phoneSettingsSchema,
  password: z.string(),
});
export type SipCredentials = z.infer<typeof sipCredentialsSchema>;


/** The origin a Content-Security-Policy must allow for the SIP WebSocket (`''` when not configured). */
export function sipConnectSource(settings: Pick<PhoneSettings, 'serverUri'>): string {
  const match = WS_URL.exec(settings.serverUri);
  if (!match || !isWebSocketUrl(settings.serverUri)) return '';
  const [, scheme = '', host = '', port] = match;
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${port === undefined ? '' : `:${port}`}`;
}
