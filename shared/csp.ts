/**
 * The workbench's Content-Security-Policy, used by Electron (response header
 * of the app protocol) and by the web host. Scripts only from the app itself;
 * styles also inline because antd injects its CSS-in-JS as <style> tags;
 * connections to the app's own origin plus the hub and SIP proxy named in
 * `connectSources` (wss:/https: URLs from settings).
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'connect-src': ["'self'", ...connectSources],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
