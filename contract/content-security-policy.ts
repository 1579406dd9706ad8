/**
 * The Content-Security-Policy of the kiosk's pages. The core sends it with every response and the
 * Electron shell adds it again as defence in depth, so both must be the same text.
 * `wsOrigin` is the WebSocket origin of the core, e.g. "ws://127.0.0.1:8787", when known.
 */
export function kioskContentSecurityPolicy(wsOrigin?: string): string {
  return [
    "default-src 'self'",
    `connect-src 'self'${wsOrigin ? ` ${wsOrigin}` : ''}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "style-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
