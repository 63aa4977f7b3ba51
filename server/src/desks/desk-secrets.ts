import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a code read aloud or typed from paper is not misread. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrolment code: 12 characters (60 bits) from a cryptographic source, e.g. `7KQ2-M9XD-4TRB`. */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A desk's credential: 256 random bits. */
export function newDeskCredential(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Codes and credentials are random with enough bits that a plain SHA-256 is
 * enough to keep them unusable from a database backup (there is nothing to
 * guess, unlike a password), and cheap enough to check on every sign-in.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(secretHash(secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
