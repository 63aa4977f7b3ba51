/** Web Crypto, present as a global in browsers and in Node 20 alike (shared/ declares no DOM types). */
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues<T extends Uint8Array>(array: T): T } }).crypto;

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, then random bits, so ids made at
 * the desk, offline, sort by creation time. One implementation for the
 * renderer (new drafts) and the services (outbox operations).
 */
export function uuidv7(now = Date.now()): string {
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  let ms = now;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
