import type { JoinOutcome } from '../../../../shared/phone/join-call';
import type { JoinMode } from '../../../../shared/phone/phone-settings';
import type { Result } from '../../../../shared/result';

export interface JoinNotice {
  kind: 'success' | 'error';
  /** i18n key of the words the board shows. */
  key: string;
  values: Record<string, string>;
}

/** What the supervisor reads after asking to join: the dialled string, or why not, in their language. */
export function joinNotice(result: Result<JoinOutcome>, mode: JoinMode, name: string): JoinNotice {
  if (!result.ok) return { kind: 'error', key: `errors.${result.error.code}`, values: {} };
  const outcome = result.value;
  if (outcome.status === 'refused') return { kind: 'error', key: `board.join.refused.${outcome.reason}`, values: { name } };
  return { kind: 'success', key: `board.join.dialling.${mode}`, values: { name, dialString: outcome.dialString } };
}
