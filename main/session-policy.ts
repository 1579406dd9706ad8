import type { CoreEndpoint } from './core-output.js';
import { kioskContentSecurityPolicy } from '../contract/index.js';
import type {
  PermissionCheckInfo,
  PermissionRequestInfo,
  ResponseHeaders,
  SessionHandle,
} from './electron-facade.js';

/*
 * Permissions and CSP for the kiosk's session. The only thing the page may use is the camera
 * (video, no microphone), and only while it is the core's own page. Everything else — geolocation,
 * notifications, clipboard, HID/USB/serial, MIDI, screen capture … — is denied. The core already
 * sends a CSP; ours is added as a second header, so the stricter of both applies even if a core
 * build ships a loose one.
 */

/** Returns the current core endpoint, or undefined while the core is not ready. */
export type EndpointSource = () => CoreEndpoint | undefined;

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Whether `url` belongs to the running core's origin. */
export function isCoreOrigin(url: string, endpoint: CoreEndpoint | undefined): boolean {
  return endpoint !== undefined && originOf(url) === endpoint.origin;
}

/** Whether to grant a permission request. */
export function allowPermissionRequest(
  permission: string,
  info: PermissionRequestInfo,
  endpoint: CoreEndpoint | undefined,
): boolean {
  const types = info.mediaTypes ?? [];
  return (
    permission === 'media' &&
    info.isMainFrame &&
    isCoreOrigin(info.requestingUrl, endpoint) &&
    types.length > 0 &&
    types.every((type) => type === 'video')
  );
}

/** Whether to answer a permission check with "granted". */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string,
  info: PermissionCheckInfo,
  endpoint: CoreEndpoint | undefined,
): boolean {
  return (
    permission === 'media' &&
    info.isMainFrame &&
    info.mediaType === 'video' &&
    isCoreOrigin(requestingOrigin, endpoint)
  );
}

/** The kiosk's Content-Security-Policy for pages of the core at `endpoint`. */
export function kioskCsp(endpoint: CoreEndpoint | undefined): string {
  return kioskContentSecurityPolicy(endpoint ? new URL(endpoint.wsUrl).origin : undefined);
}

/** Adds `csp` as one more Content-Security-Policy header, keeping any the server sent. */
export function withCsp(headers: ResponseHeaders, csp: string): ResponseHeaders {
  const result: ResponseHeaders = {};
  let existing: string[] = [];
  for (const [name, values] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-security-policy') existing = [...existing, ...values];
    else result[name] = values;
  }
  result['Content-Security-Policy'] = [...existing, csp];
  return result;
}

/** Installs the permission handlers and the CSP on the kiosk's session. */
export function installSessionPolicy(session: SessionHandle, endpoint: EndpointSource): void {
  session.setPermissionRequestHandler((permission, info, grant) =>
    grant(allowPermissionRequest(permission, info, endpoint())),
  );
  session.setPermissionCheckHandler((permission, origin, info) =>
    allowPermissionCheck(permission, origin, info, endpoint()),
  );
  session.onHeadersReceived((_url, headers, respond) =>
    respond(withCsp(headers, kioskCsp(endpoint()))),
  );
}
