/**
 * The one phone-number normaliser: the registration form, the desk's ticket
 * store and caller history, and the hub (stored column, history queries) all
 * fold a number through here, so `0539-8123456`, `05398123456`,
 * `+86 539 8123456` and `0086 (0539) 812 3456` are one caller.
 *
 * THE STORED (CANONICAL) FORM, what tickets keep in `callerNumber`:
 * - digits only, national form, no separators, no country code:
 *   mobile `13812345678`; landline with its area code and trunk 0 `05398123456`
 *   (`01012345678` for Beijing); a local landline given without area code as
 *   it was given (`8123456`; the desk cannot know the caller's area);
 *   service numbers as dialled (`12345`, `95598`, `4008123456`);
 * - a foreign number as dialled from the mainland: `00` + country code + number
 *   (`+852 2123 4567` → `00852 21234567`, stored `0085221234567`);
 * - an extension, when the caller gave one, after `#`: `05398123456#123`.
 *
 * The LINE (the number without its extension) is what identifies a caller:
 * caller history and repeat-caller counts match on it, because the caller ID a
 * ringing call shows never carries the extension. `phoneLine()` gives it.
 *
 * Folded on the way in: full-width characters (NFKC: `１３８`, `＋８６`),
 * spaces, dashes, dots, slashes, brackets (ASCII and full-width); `+86`,
 * `0086`, and `86` before a mobile; `(0)` after a country code; a trunk 0
 * before a mobile (`013812345678`: how out-of-area mobiles often reach a
 * landline's caller ID); extensions written `转`, `轉`, `分机`, `ext`, `x`, `#`,
 * or as a last dash group after a complete landline (`010-12345678-123`).
 *
 * Pure (no Node, no DOM) and hand-written on purpose: mainland numbering is a
 * handful of rules, and the general libraries (libphonenumber and its ports)
 * neither read `转` / `分机` nor fold trunk-0 mobiles, while adding 100+ kB of
 * metadata to the workbench's first load.
 */

/** Why a typed number is not one the desk accepts. Worded by the UI (i18n), never here. */
export type PhoneNumberProblem = 'empty' | 'too_long' | 'bad_characters' | 'bad_format';

export type PhoneNumberKind = 'mobile' | 'landline' | 'local' | 'service' | 'international';

export interface PhoneNumber {
  /** The stored form: `line`, then `#extension` when there is one. */
  canonical: string;
  /** The number without its extension: what caller history matches on. */
  line: string;
  extension: string | null;
  kind: PhoneNumberKind;
}

export type PhoneNumberResult = { ok: true; value: PhoneNumber } | { ok: false; problem: PhoneNumberProblem };

/** Longest input looked at: a number with country code, area code and extension fits well within it. */
export const PHONE_INPUT_MAX = 40;
const EXTENSION_MAX = 8;
const LINE_DIGITS = /^\d{3,20}$/u;
/** The stored form (what the wire schema accepts). */
export const CANONICAL_PHONE = /^\d{3,20}(?:#\d{1,8})?$/u;

const MOBILE = /^1[3-9]\d{9}$/u;
/** Trunk 0 + area code (010, 02x, or three digits from 03xx on) + a 7–8 digit local number. */
const LANDLINE = /^0\d{2,3}\d{7,8}$/u;
const LOCAL = /^[2-9]\d{6,7}$/u;
/** 12345-style government lines, 95xxx/96xxx service lines, 400/800 numbers. */
const SERVICE = /^(?:1\d{4}|9[5-6]\d{3,4}|[48]00\d{7})$/u;
const INTERNATIONAL = /^00[1-9]\d{6,16}$/u;

/** Words and signs that introduce an extension, longest first so `ext.` wins over `x`. */
const EXTENSION_MARK = /^(.*?)\s*(?:转分机|转|轉|分机号?|分機號?|ext\.?|extension|x|#)\s*[:：]?\s*(\d{1,8})\s*$/iu;
const SEPARATORS = /[\s\-‐‑‒–—―.·/()（）[\]]/gu;

export function phoneNumberKind(line: string): PhoneNumberKind | null {
  if (MOBILE.test(line)) return 'mobile';
  if (LANDLINE.test(line)) return 'landline';
  if (SERVICE.test(line)) return 'service';
  if (LOCAL.test(line)) return 'local';
  if (INTERNATIONAL.test(line)) return 'international';
  return null;
}

/** Digits after `+86` / `0086` / `86`, back in national form. */
function nationalFromCountryCode(rest: string): string {
  if (MOBILE.test(rest) || rest.startsWith('0') || SERVICE.test(rest)) return rest;
  return `0${rest}`; // an area code written without its trunk 0: +86 539 8123456
}

/** Country code and trunk prefixes off: the line's national (or 00-international) digits. */
function foldPrefixes(digits: string, plus: boolean): string {
  if (plus) return digits.startsWith('86') ? nationalFromCountryCode(digits.slice(2)) : `00${digits}`;
  if (digits.startsWith('0086')) return nationalFromCountryCode(digits.slice(4));
  if (/^861[3-9]\d{9}$/u.test(digits)) return digits.slice(2);
  if (/^01[3-9]\d{9}$/u.test(digits)) return digits.slice(1);
  return digits;
}

/** The main part's digits, or null when it holds anything but digits, separators and one leading `+`. */
function lineDigits(main: string): { digits: string; plus: boolean } | null {
  const plus = main.startsWith('+');
  const body = (plus ? main.slice(1) : main).replace(/^(\s*(?:00)?86\s*)\(0\)/u, '$1').replace(SEPARATORS, '');
  return /^\d+$/u.test(body) ? { digits: body, plus } : null;
}

/** `010-12345678-123`: a last dash group after a complete landline is its extension. */
function splitDashExtension(main: string): { main: string; extension: string } | null {
  const m = /^(.*\d)\s*[-‐‑–—]\s*(\d{1,6})$/u.exec(main);
  if (!m?.[1] || !m[2]) return null;
  const whole = lineDigits(main);
  const head = lineDigits(m[1]);
  if (!whole || !head) return null;
  const wholeLine = foldPrefixes(whole.digits, whole.plus);
  const headLine = foldPrefixes(head.digits, head.plus);
  return phoneNumberKind(wholeLine) === null && phoneNumberKind(headLine) === 'landline' ? { main: m[1], extension: m[2] } : null;
}

function split(input: string): { main: string; extension: string | null } {
  const marked = EXTENSION_MARK.exec(input);
  if (marked?.[1] && marked[2]) return { main: marked[1], extension: marked[2] };
  return splitDashExtension(input) ?? { main: input, extension: null };
}

/**
 * Reads a number as an operator typed it or a caller ID showed it, and checks
 * it against the mainland numbering rules (the form's rule).
 */
export function parsePhoneNumber(raw: string): PhoneNumberResult {
  const input = raw.normalize('NFKC').trim();
  if (input.length === 0) return { ok: false, problem: 'empty' };
  if (input.length > PHONE_INPUT_MAX) return { ok: false, problem: 'too_long' };
  const { main, extension } = split(input);
  const digits = lineDigits(main);
  if (!digits || (extension !== null && extension.length > EXTENSION_MAX)) return { ok: false, problem: 'bad_characters' };
  const line = foldPrefixes(digits.digits, digits.plus);
  const kind = phoneNumberKind(line);
  if (!kind) return { ok: false, problem: 'bad_format' };
  return { ok: true, value: { canonical: extension ? `${line}#${extension}` : line, line, extension, kind } };
}

/**
 * The stored form of any number that folds to 3–20 digits (plus extension),
 * numbering plan or not: what storage and the hub apply, so numbers from other
 * channels and rows kept before this rule still fold the same way. Null when
 * the text is not a phone number at all.
 */
export function canonicalPhoneNumber(raw: string): string | null {
  const parsed = parsePhoneNumber(raw);
  if (parsed.ok) return parsed.value.canonical;
  if (parsed.problem !== 'bad_format') return null;
  const input = raw.normalize('NFKC').trim();
  const { main, extension } = split(input);
  const digits = lineDigits(main);
  if (!digits) return null;
  const line = foldPrefixes(digits.digits, digits.plus);
  if (!LINE_DIGITS.test(line)) return null;
  return extension ? `${line}#${extension}` : line;
}

/** The number without its extension (the caller-history key); unchanged when it has none. */
export function phoneLine(canonical: string): string {
  const hash = canonical.indexOf('#');
  return hash < 0 ? canonical : canonical.slice(0, hash);
}

/** The caller-history key of a number in any form, or null when it is not one. */
export function phoneLineOf(raw: string): string | null {
  const canonical = canonicalPhoneNumber(raw);
  return canonical === null ? null : phoneLine(canonical);
}

/**
 * A stored number as people read it aloud: `0539-8123456`, `138 1234 5678`,
 * `0539-8123456 转 123`. For display only; never stored or compared.
 */
export function formatPhoneNumber(canonical: string, extensionWord = '转'): string {
  const line = phoneLine(canonical);
  const extension = canonical.length > line.length ? canonical.slice(line.length + 1) : null;
  let shown = line;
  if (MOBILE.test(line)) shown = `${line.slice(0, 3)} ${line.slice(3, 7)} ${line.slice(7)}`;
  else if (LANDLINE.test(line)) {
    const codeLength = /^0(?:10|2\d)/u.test(line) ? 3 : 4;
    shown = `${line.slice(0, codeLength)}-${line.slice(codeLength)}`;
  }
  return extension ? `${shown} ${extensionWord} ${extension}` : shown;
}
