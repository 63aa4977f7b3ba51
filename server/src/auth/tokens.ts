import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HubRole } from '../../../shared/hub/auth';

/**
 * Short-lived bearer tokens signed with HMAC-SHA256. Any hub process can
 * check one without a lookup (the key is shared through the database), so
 * the processes stay stateless. A desk renews before expiry; a disabled
 * account stops working when its token runs out.
 */
export interface TokenClaims {
  sub: string;
  role: HubRole;
  departmentId: string | null;
  deskId: string | null;
  /** Epoch seconds. */
  exp: number;
}

export const TOKEN_LIFETIME_S = 60 * 60;

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenSigner {
  constructor(private readonly key: Buffer) {}

  sign(claims: TokenClaims): string {
    const body = encode(claims);
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a valid, unexpired token; null otherwise. */
  verify(token: string, nowMs = Date.now()): TokenClaims | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
      return claims.exp * 1000 > nowMs ? claims : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
