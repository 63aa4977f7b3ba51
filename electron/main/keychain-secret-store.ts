import { safeStorage } from 'electron';
import type { SecretStore } from '../services/phone/secret-store';

/**
 * Seals secrets with the OS keychain (DPAPI on Windows, Keychain on macOS,
 * libsecret/kwallet on Linux) through Electron's safeStorage. Returns null when
 * the OS offers no keychain (e.g. a Linux desk without a secret service), so the
 * services fall back to their key file instead of storing anything weaker silently.
 */
export function keychainSecretStore(): SecretStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  // basic_text means "no keyring found" on Linux: the ciphertext would be protected by a hard-coded key.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    kind: 'os-keychain',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    unseal: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
