import type { TKey } from '../keys';

// Codes and states of the phone namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const directoryKindKeys = {
  department: 'phone:directory.kinds.department',
  line: 'phone:directory.kinds.line',
  expert: 'phone:directory.kinds.expert',
} as const satisfies Record<string, TKey>;

export const registrationKeys = {
  unconfigured: 'phone:registration.unconfigured',
  standby: 'phone:registration.standby',
  registering: 'phone:registration.registering',
  registered: 'phone:registration.registered',
  reconnecting: 'phone:registration.reconnecting',
  failed: 'phone:registration.failed',
  stopped: 'phone:registration.stopped',
} as const satisfies Record<string, TKey>;

export const sipFailureKeys = {
  auth: 'phone:failure.auth',
  forbidden: 'phone:failure.forbidden',
  not_found: 'phone:failure.not_found',
  unreachable: 'phone:failure.unreachable',
  timeout: 'phone:failure.timeout',
  server_error: 'phone:failure.server_error',
  bad_settings: 'phone:failure.bad_settings',
} as const satisfies Record<string, TKey>;

export const callPhaseKeys = {
  ringing: 'phone:phases.ringing',
  dialing: 'phone:phases.dialing',
  active: 'phone:phases.active',
  held: 'phone:phases.held',
  ended: 'phone:phases.ended',
} as const satisfies Record<string, TKey>;

export const callQualityKeys = {
  good: 'phone:quality.good',
  fair: 'phone:quality.fair',
  poor: 'phone:quality.poor',
  no_media: 'phone:quality.no_media',
} as const satisfies Record<string, TKey>;

export const selfCheckKeys = {
  title: 'phone:selfCheck.title',
  run: 'phone:selfCheck.run',
  websocket: 'phone:selfCheck.websocket',
  registration: 'phone:selfCheck.registration',
  ice: 'phone:selfCheck.ice',
  microphone: 'phone:selfCheck.microphone',
  pass: 'phone:selfCheck.pass',
  fail: 'phone:selfCheck.fail',
  pending: 'phone:selfCheck.pending',
} as const satisfies Record<string, TKey>;

export const secretStorageKeys = {
  'os-keychain': 'phone:settings.secretStorage.os-keychain',
  file: 'phone:settings.secretStorage.file',
} as const satisfies Record<string, TKey>;

export const afterCallWorkModeKeys = {
  timed: 'phone:settings.afterCallWorkModes.timed',
  extendable: 'phone:settings.afterCallWorkModes.extendable',
  until_ready: 'phone:settings.afterCallWorkModes.until_ready',
} as const satisfies Record<string, TKey>;

export const dtmfModeKeys = {
  rfc4733: 'phone:settings.dtmfModes.rfc4733',
  info: 'phone:settings.dtmfModes.info',
} as const satisfies Record<string, TKey>;

/** The phone's error codes ('phone.errors.serverUri', as shared/phone's schemas and the phone engine report them) and their wording. */
export const phoneErrorKeys = {
  'phone.errors.serverUri': 'phone:errors.serverUri',
  'phone.errors.domain': 'phone:errors.domain',
  'phone.errors.user': 'phone:errors.user',
  'phone.errors.iceServer': 'phone:errors.iceServer',
  'phone.errors.emptyTarget': 'phone:errors.emptyTarget',
  'phone.errors.badTarget': 'phone:errors.badTarget',
  'phone.errors.badAccount': 'phone:errors.badAccount',
  'phone.errors.noCall': 'phone:errors.noCall',
  'phone.errors.actionFailed': 'phone:errors.actionFailed',
} as const satisfies Record<string, TKey>;

export type PhoneErrorCode = keyof typeof phoneErrorKeys;

/** The wording key of a phone error code, or null when the text is not one of them. */
export function phoneErrorKey(code: string): TKey | null {
  return Object.hasOwn(phoneErrorKeys, code) ? phoneErrorKeys[code as PhoneErrorCode] : null;
}
