import { describe, expect, it, vi } from 'vitest';
import { readConnectionInfo, type HostWindow } from './connection-info.js';

function host(href: string, kioskHost?: unknown) {
  const url = new URL(href);
  const replaceState = vi.fn();
  const win: HostWindow = {
    location: url,
    history: { state: null, replaceState },
    ...(kioskHost === undefined ? {} : { kioskHost }),
  };
  return { win, replaceState };
}

describe('readConnectionInfo', () => {
  it('prefers the Electron preload', () => {
    const { win, replaceState } = host('http://127.0.0.1:8787/', {
      wsUrl: 'ws://127.0.0.1:8787/ws',
      token: 'abc123',
    });
    expect(readConnectionInfo(win)).toEqual({ wsUrl: 'ws://127.0.0.1:8787/ws', token: 'abc123' });
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('reads #token=HEX, derives the WebSocket URL, and removes the token from the URL', () => {
    const { win, replaceState } = host('http://127.0.0.1:8787/?x=1#token=00ff9a');
    expect(readConnectionInfo(win)).toEqual({ wsUrl: 'ws://127.0.0.1:8787/ws', token: '00ff9a' });
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1');
  });

  it('uses wss: under https:', () => {
    const { win } = host('https://kiosk.local/#token=ab');
    expect(readConnectionInfo(win)?.wsUrl).toBe('wss://kiosk.local/ws');
  });

  it('has nothing without a valid token, but still clears the fragment', () => {
    expect(readConnectionInfo(host('http://127.0.0.1:8787/').win)).toBeUndefined();
    const { win, replaceState } = host('http://127.0.0.1:8787/#token=<script>');
    expect(readConnectionInfo(win)).toBeUndefined();
    expect(replaceState).toHaveBeenCalled();
    expect(readConnectionInfo(host('http://h/', { wsUrl: 1, token: 'x' }).win)).toBeUndefined();
  });

  it('keeps the token for this tab, so a reload without the fragment reconnects', () => {
    const store = new Map<string, string>();
    const sessionStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const first = { ...host('http://127.0.0.1:8787/#token=abcdef').win, sessionStorage };
    expect(readConnectionInfo(first)?.token).toBe('abcdef');
    const reloaded = { ...host('http://127.0.0.1:8787/').win, sessionStorage };
    expect(readConnectionInfo(reloaded)?.token).toBe('abcdef');
  });
});
