import { describe, expect, it } from 'vitest';
import type { CoreEndpoint } from './core-output.js';
import { endpointOn } from './testing/fixtures.js';
import { installSessionPolicy, kioskCsp, withCsp } from './session-policy.js';
import { FakeSession } from './testing/fake-electron.js';

const endpoint = endpointOn(8787);

function setup() {
  const session = new FakeSession();
  let active: CoreEndpoint | undefined = endpoint;
  installSessionPolicy(session, () => active);
  return { session, setEndpoint: (next: CoreEndpoint | undefined) => (active = next) };
}

const camera = { requestingUrl: 'http://127.0.0.1:8787/face', isMainFrame: true };

describe('permission requests', () => {
  it("grants the camera to the kiosk's own page", () => {
    const { session } = setup();
    expect(session.request('media', { ...camera, mediaTypes: ['video'] })).toBe(true);
  });

  it.each([
    ['the microphone', 'media', { ...camera, mediaTypes: ['audio'] as const }],
    ['camera + microphone', 'media', { ...camera, mediaTypes: ['video', 'audio'] as const }],
    ['media without types', 'media', camera],
    [
      'another origin',
      'media',
      { ...camera, requestingUrl: 'https://evil.example/', mediaTypes: ['video'] as const },
    ],
    [
      'another port',
      'media',
      { ...camera, requestingUrl: 'http://127.0.0.1:9000/', mediaTypes: ['video'] as const },
    ],
    ['a sub-frame', 'media', { ...camera, isMainFrame: false, mediaTypes: ['video'] as const }],
    [
      'the recovery page',
      'media',
      { ...camera, requestingUrl: 'file:///app/recovery.html', mediaTypes: ['video'] as const },
    ],
    ['geolocation', 'geolocation', camera],
    ['notifications', 'notifications', camera],
    ['clipboard', 'clipboard-read', camera],
    ['screen capture', 'display-capture', camera],
    ['HID', 'hid', camera],
    ['serial', 'serial', camera],
    ['MIDI', 'midiSysex', camera],
    ['fullscreen', 'fullscreen', camera],
    ['opening links outside', 'openExternal', camera],
  ])('denies %s', (_name, permission, info) => {
    const { session } = setup();
    expect(session.request(permission, info)).toBe(false);
  });

  it('denies the camera while no core is running, and follows the core to its new port', () => {
    const { session, setEndpoint } = setup();
    setEndpoint(undefined);
    expect(session.request('media', { ...camera, mediaTypes: ['video'] })).toBe(false);
    setEndpoint(endpointOn(9100));
    expect(session.request('media', { ...camera, mediaTypes: ['video'] })).toBe(false);
    const moved = {
      ...camera,
      requestingUrl: 'http://127.0.0.1:9100/face',
      mediaTypes: ['video'] as const,
    };
    expect(session.request('media', moved)).toBe(true);
  });
});

describe('permission checks', () => {
  it("answers granted only for the kiosk's own camera", () => {
    const { session } = setup();
    const check = session.checkHandler;
    if (!check) throw new Error('no check handler');
    const main = { isMainFrame: true };
    expect(check('media', 'http://127.0.0.1:8787/', { ...main, mediaType: 'video' })).toBe(true);
    expect(check('media', 'http://127.0.0.1:8787', { ...main, mediaType: 'video' })).toBe(true);
    expect(check('media', 'http://127.0.0.1:8787/', { ...main, mediaType: 'audio' })).toBe(false);
    expect(check('media', 'http://127.0.0.1:8787/', { ...main, mediaType: 'unknown' })).toBe(false);
    expect(check('media', 'https://evil.example/', { ...main, mediaType: 'video' })).toBe(false);
    expect(check('geolocation', 'http://127.0.0.1:8787/', main)).toBe(false);
    expect(check('notifications', 'http://127.0.0.1:8787/', main)).toBe(false);
    expect(check('hid', 'http://127.0.0.1:8787/', main)).toBe(false);
  });
});

describe('content security policy', () => {
  it('is strict and allows the WebSocket of the current core only', () => {
    expect(kioskCsp(endpoint)).toBe(
      "default-src 'self'; connect-src 'self' ws://127.0.0.1:8787; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(kioskCsp(undefined)).toContain("connect-src 'self';");
  });

  it("is added to every response, keeping the server's own policy", () => {
    const { session } = setup();
    let result: Record<string, string[]> | undefined;
    session.headersListener?.(
      'http://127.0.0.1:8787/',
      { 'content-security-policy': ["default-src 'none'"], 'Content-Type': ['text/html'] },
      (headers) => (result = headers),
    );
    expect(result).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'", kioskCsp(endpoint)],
    });
  });

  it('adds the policy where the server sent none', () => {
    expect(withCsp({}, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
