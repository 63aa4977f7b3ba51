/**
 * The caller's number on the callback form: what the screen shows and what the phone dials. A confidential
 * (保密) caller's number is shown in full only to the operator who registered the ticket, as the hub shows it
 * (server/src/tickets/visibility.ts); everyone else — the next shift at the same desk, a trainee — sees it masked
 * and can still dial it, since the phone takes the number from the desk's own record, not from the screen. A
 * number the hub itself masked (a ticket registered elsewhere) is not on this desk at all and cannot be dialled.
 */

/** The hub's mask for a caller number it hides (kept by the hub and the desks alike). */
export const MASKED_NUMBER = '********';
/** The hub's mask for a caller name it hides. */
export const MASKED_NAME = '**';

export interface CallbackContactSource {
  callerNumber: string;
  confidential: boolean;
  /** Who registered the ticket (the operator's account, or `seat:…` without a hub session). */
  author: string;
  /** The hub sent the number masked: this desk has no copy of it. */
  contactMasked: boolean;
}

export interface CallbackContact {
  /** What the screen shows. */
  shown: string;
  masked: boolean;
  /** What the phone dials; null when the desk does not have the number. */
  dial: string | null;
}

/**
 * A number with all but its end hidden (139****1234; a shorter line ***1234): the operator can confirm the last
 * digits with the caller, no more. Too short to keep anything: the hub's mask.
 */
export function maskNumber(number: string): string {
  const digits = number.trim();
  if (digits.length < 7) return MASKED_NUMBER;
  const head = digits.length >= 11 ? digits.slice(0, 3) : '';
  return `${head}${'*'.repeat(digits.length - head.length - 4)}${digits.slice(-4)}`;
}

/** The callback contact as `viewer` (the signed-in operator's account, null without one) may see it. */
export function callbackContact(source: CallbackContactSource, viewer: { username: string | null; role: string | null }): CallbackContact {
  const number = source.callerNumber.trim();
  if (source.contactMasked || number === '' || number === MASKED_NUMBER) return { shown: number === '' ? '' : MASKED_NUMBER, masked: number !== '', dial: null };
  const registeredByViewer = viewer.username !== null && viewer.username === source.author && viewer.role !== 'trainee';
  if (!source.confidential || registeredByViewer) return { shown: number, masked: false, dial: number };
  return { shown: maskNumber(number), masked: true, dial: number };
}
