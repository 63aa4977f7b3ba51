import type { JoinOutcome } from '../../../../shared/phone/join-call';
import type { JoinMode } from '../../../../shared/phone/phone-settings';
import type { Result } from '../../../../shared/result';
import { joinDiallingKeys, joinRefusalKeys } from '../../i18n/board/keys';
import { errorCodeKeys } from '../../i18n/error-keys';

export interface JoinNotice {
  kind: 'success' | 'error';
  /** i18n key of the words the board shows. */
  key: (typeof errorCodeKeys)[keyof typeof errorCodeKeys] | (typeof joinRefusalKeys)[keyof typeof joinRefusalKeys] | (typeof joinDiallingKeys)[keyof typeof joinDiallingKeys];
  values: { name?: string; dialString?: string };
}

/** What the supervisor reads after asking to join: the dialled string, or why not, in their language. */
export function joinNotice(result: Result<JoinOutcome>, mode: JoinMode, name: string): JoinNotice {
  if (!result.ok) return { kind: 'error', key: errorCodeKeys[result.error.code], values: {} };
  const outcome = result.value;
  if (outcome.status === 'refused') return { kind: 'error', key: joinRefusalKeys[outcome.reason], values: { name } };
  return { kind: 'success', key: joinDiallingKeys[mode], values: { name, dialString: outcome.dialString } };
}
