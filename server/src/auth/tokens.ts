import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HubRole } from '../../../shared/hub/auth';

/**
 * Short-lived bearer tokens signed with HMAC-SHA256: `keyId.claims.mac`.
 * The signature proves the claims; the session they name is still looked up
 * on every request (sessions.ts), so sign-out and disabling take effect at
 * once. Keys come from the operating system's CSPRNG and are shared by every
 * hub process through the database; a rotation adds a key and keeps the one
 * before it for verifying, so tokens already handed out stay good until they
 * expire and nobody is signed out by it.
 */
export interface TokenClaims {
  /** The account. */
  sub: string;
  role: HubRole;
  departmentId: string | null;
  deskId: string | null;
  /** The session (sessions table): revoked by sign-out or disabling, limited to one shift. */
  sid: string;
  /** Epoch seconds. */
  exp: number;
}

export const TOKEN_LIFETIME_S = 60 * 60;

/** How often at most the keys are read again for a token signed with a key id this process does not know. */
const RELOAD_INTERVAL_MS = 1_000;

export interface SigningKey {
  id: string;
  key: Buffer;
}

export function newSigningKey(): SigningKey {
  return { id: randomBytes(6).toString('base64url'), key: randomBytes(32) };
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const mac = (key: Buffer, text: string): string => createHmac('sha256', key).update(text).digest('base64url');

export class TokenSigner {
  /** Newest first: the first signs, all verify. */
  private keys: SigningKey[];

  constructor(keys: readonly SigningKey[], private readonly reload?: () => Promise<SigningKey[]>) {
    if (!keys.length) throw new Error('no signing key');
    this.keys = [...keys];
  }

  private get current(): SigningKey {
    const [key] = this.keys;
    if (!key) throw new Error('no signing key');
    return key;
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  replaceKeys(keys: readonly SigningKey[]): void {
    if (keys.length) this.keys = [...keys];
  }

  sign(claims: TokenClaims): string {
    const { id, key } = this.current;
    const body = `${id}.${encode(claims)}`;
    return `${body}.${mac(key, body)}`;
  }

  private reloading: Promise<void> | null = null;
  private lastReloadMs = 0;

  /**
   * Reads the keys again (another process may have rotated). Concurrent callers share one read, and reads are at
   * least RELOAD_INTERVAL_MS apart: tokens with made-up key ids, which anyone can send, cost the database at most
   * one query per interval instead of one each, while a real new key is still found within the interval.
   */
  private async reloadKeys(): Promise<void> {
    const reload = this.reload;
    if (!reload) return;
    this.reloading ??= (async () => {
      const wait = this.lastReloadMs + RELOAD_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        this.replaceKeys(await reload());
      } finally {
        this.lastReloadMs = Date.now();
        this.reloading = null;
      }
    })();
    await this.reloading;
  }

  /** The claims of a well-signed, unexpired token; null otherwise. A key id not known yet is looked up once (another process rotated). */
  async verify(token: string, nowMs: number): Promise<TokenClaims | null> {
    const [id, claims, given] = token.split('.');
    if (!id || !claims || !given || token.split('.').length !== 3) return null;
    if (!this.keys.some((k) => k.id === id)) await this.reloadKeys();
    const signing = this.keys.find((k) => k.id === id);
    if (!signing) return null;
    const expected = Buffer.from(mac(signing.key, `${id}.${claims}`));
    const offered = Buffer.from(given);
    if (expected.length !== offered.length || !timingSafeEqual(expected, offered)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as TokenClaims;
      return typeof parsed.sid === 'string' && parsed.exp * 1000 > nowMs ? parsed : null;
    } catch {
      return null;
    }
  }
}
