/**
 * Turns what an operator types into a dial target: an extension or phone
 * number becomes `sip:<digits>@<domain>`, a full `sip:` URI is checked and
 * kept. Errors are i18n keys.
 */
export type DialTarget = { ok: true; uri: string; user: string } | { ok: false; error: 'phone.errors.emptyTarget' | 'phone.errors.badTarget' };

const DIALABLE = /^\+?[0-9*#]{1,32}$/;
const SIP_URI = /^sips?:([A-Za-z0-9_.!~*'()+%-]+)@([A-Za-z0-9.-]+)(:\d{1,5})?(;[^\s]*)?$/;

export function toDialTarget(input: string, domain: string): DialTarget {
  const text = input.trim().replace(/[\s-]/g, '');
  if (text === '') return { ok: false, error: 'phone.errors.emptyTarget' };
  if (DIALABLE.test(text)) {
    if (domain === '') return { ok: false, error: 'phone.errors.badTarget' };
    return { ok: true, uri: `sip:${text}@${domain}`, user: text };
  }
  const match = SIP_URI.exec(input.trim());
  if (match?.[1]) return { ok: true, uri: input.trim(), user: match[1] };
  return { ok: false, error: 'phone.errors.badTarget' };
}

/** The number to show for a remote party: the user part of its URI, or the display name when there is none. */
export function displayNumber(user: string | undefined, displayName: string | undefined): string {
  if (user && user !== 'anonymous') return user;
  return displayName?.trim() || '未知号码';
}

export const dtmfTones = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type DtmfTone = (typeof dtmfTones)[number];

export function isDtmfTone(value: string): value is DtmfTone {
  return (dtmfTones as readonly string[]).includes(value);
}
