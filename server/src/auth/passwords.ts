import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashes with Argon2id at OWASP's recommended parameters (19 MiB,
 * 2 passes, 1 lane: about 20 ms and 19 MiB per sign-in, so a shift change of
 * a hundred desks is no burden), through @node-rs/argon2 (prebuilt binaries
 * from the npm registry, no build step). Hashes stored by earlier hubs
 * (`scrypt$N$r$p$salt$hash`) still verify; `needsRehash` tells the sign-in to
 * store a current hash in their place.
 */
// 2 is Argon2id in the library's (const, so not importable here) Algorithm enum.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), ARGON2);
}

function scryptKey(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, 32, { N, r, p, maxmem: 256 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) {
    try {
      return await verify(stored, password.normalize('NFKC'));
    } catch {
      return false;
    }
  }
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  // Bounded so a tampered row cannot make a sign-in allocate without limit.
  if (Number(N) > 2 ** 17 || Number(r) > 16 || Number(p) > 4) return false;
  const expected = Buffer.from(key, 'base64');
  const derived = await scryptKey(password, Buffer.from(salt, 'base64'), Number(N), Number(r), Number(p));
  return derived.length === expected.length && timingSafeEqual(derived, expected);
}

/** A stored hash weaker than the current parameters (an older scheme, or Argon2id with less memory or fewer passes). */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  return !match || Number(match[1]) < ARGON2.memoryCost || Number(match[2]) < ARGON2.timeCost;
}

/** A hash of a random password: an unknown account name costs the same time as a wrong password. */
export function dummyHash(): Promise<string> {
  return hashPassword(randomBytes(16).toString('base64'));
}
