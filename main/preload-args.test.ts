import { describe, expect, it } from 'vitest';
import { exposeKioskHost, kioskHostArgs, parseKioskHostArgs } from './preload-args.js';

const token = '0123456789abcdef'.repeat(4);
const host = { wsUrl: 'ws://127.0.0.1:8787/ws', token };
const argv = ['/opt/kiosk/kiosk', '--type=renderer', ...kioskHostArgs(host), '--lang=zh-CN'];

describe('preload arguments', () => {
  it('round-trips the host info through the renderer argv', () => {
    expect(parseKioskHostArgs(argv)).toEqual(host);
  });

  it('exposes exactly { wsUrl, token }, frozen, as window.kioskHost', () => {
    const exposed: [string, unknown][] = [];
    expect(exposeKioskHost({ exposeInMainWorld: (k, v) => exposed.push([k, v]) }, argv)).toBe(true);
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0] ?? [];
    expect(key).toBe('kioskHost');
    expect(Object.keys(api as object).sort()).toEqual(['token', 'wsUrl']);
    expect(api).toEqual(host);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each([
    ['no switches', ['/opt/kiosk/kiosk']],
    ['no token', ['--kiosk-ws-url=ws://127.0.0.1:8787/ws']],
    ['a remote WebSocket', ['--kiosk-ws-url=ws://evil.example:8787/ws', `--kiosk-token=${token}`]],
    [
      'a secure-looking remote',
      ['--kiosk-ws-url=wss://127.0.0.1.evil.example/ws', `--kiosk-token=${token}`],
    ],
    [
      'a look-alike host',
      ['--kiosk-ws-url=ws://127.0.0.1.evil.example:80/ws', `--kiosk-token=${token}`],
    ],
    ['a short token', ['--kiosk-ws-url=ws://127.0.0.1:8787/ws', '--kiosk-token=abc']],
    [
      'a token with extra text',
      ['--kiosk-ws-url=ws://127.0.0.1:8787/ws', `--kiosk-token=${token} x`],
    ],
  ])('exposes nothing with %s', (_name, args) => {
    const exposed: unknown[] = [];
    expect(exposeKioskHost({ exposeInMainWorld: (...call) => exposed.push(call) }, args)).toBe(
      false,
    );
    expect(exposed).toEqual([]);
  });
});
