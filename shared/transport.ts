import type { ValidationCode } from './validation';

/**
 * The desk talks to its hub and its SIP proxy over TLS (https://, wss://).
 * Plain http:// and ws:// carry passwords, tokens and callers' numbers in the
 * clear, so they are refused for anything but this machine itself, unless the
 * desk's lab switch (`labInsecureTransport`) is on — and then the status bar
 * says so.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host) || host.endsWith('.localhost');
}

/** Why the desk will not use this address (a validation code, worded by the UI), or null when it may. */
export function insecureTransportRefusal(address: string, labInsecureTransport: boolean, what: 'hub' | 'sip'): Extract<ValidationCode, 'HUB_URL_INSECURE' | 'SIP_URL_INSECURE'> | null {
  // shared/ has no URL class: scheme and host by pattern (userinfo skipped, IPv6 in brackets).
  const match = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(address.trim());
  if (!match) return null; // not an address at all: the field's own check says so
  const scheme = (match[1] ?? '').toLowerCase();
  const plain = scheme === 'http' || scheme === 'ws';
  if (!plain || labInsecureTransport || isLoopbackHost(match[2] ?? '')) return null;
  return what === 'hub' ? 'HUB_URL_INSECURE' : 'SIP_URL_INSECURE';
}
