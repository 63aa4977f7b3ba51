import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Seals small secrets (the SIP password) before they are written anywhere.
 * The desk's services never see how: Electron main supplies one backed by the
 * OS keychain (`safeStorage`), the web host and tests use `FileKeySecretStore`.
 */
export interface SecretStore {
  /** `os-keychain` when the key lives in the OS keychain, `file` for the file-backed fallback. */
  readonly kind: 'os-keychain' | 'file';
  seal(plain: string): string;
  /** Throws when the sealed text was made with another key or is damaged. */
  unseal(sealed: string): string;
}

const KEY_FILE = 'secret.key';

/**
 * Fallback for hosts without an OS keychain (the web host, tests): AES-256-GCM
 * with a random key in `<dataDir>/secret.key` (mode 0600). It keeps the
 * password out of the database file, so a copied or backed-up `desk.sqlite3`
 * does not reveal it; it does not protect against someone who can read the
 * whole data folder as the desk's user. The Electron desk uses the keychain.
 */
export class FileKeySecretStore implements SecretStore {
  readonly kind = 'file' as const;
  private readonly key: Buffer;

  constructor(dataDir: string) {
    const file = path.join(dataDir, KEY_FILE);
    let key: Buffer | null = null;
    try {
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    } catch {
      key = null;
    }
    if (key?.length !== 32) {
      key = crypto.randomBytes(32);
      fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
    }
    this.key = key;
  }

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  unseal(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('sealed secret has an unknown format');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
