import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, SIMULATED_PORT } from './config.js';

describe('configuration', () => {
  it('defaults to simulated devices, the embedded platform and loopback', () => {
    const config = parseConfig({});
    expect(config.devices.idCardReader.port).toBe(SIMULATED_PORT);
    expect(config.platform.url).toBe('embedded');
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.ui).toEqual({ idleMs: 60_000, countdownMs: 20_000 });
  });
  it('lets environment variables override the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
    const file = join(dir, 'kiosk.json');
    writeFileSync(
      file,
      JSON.stringify({
        kioskId: 'FS-CHANCHENG-0042',
        devices: { idCardReader: { port: '/dev/ttyUSB0', baud: 9600 } },
      }),
    );
    const config = loadConfig({
      KIOSK_CONFIG: file,
      KIOSK_PORT: '0',
      KIOSK_IDCARD_PORT: '/dev/ttyS3',
    });
    expect(config.kioskId).toBe('FS-CHANCHENG-0042');
    expect(config.server.port).toBe(0);
    expect(config.devices.idCardReader).toMatchObject({ port: '/dev/ttyS3', baud: 9600 });
  });
  it('refuses to listen beyond loopback', () => {
    expect(() => parseConfig({ server: { host: '0.0.0.0' } })).toThrow(/loopback/);
  });
  it('names every problem of a bad file, with a typed error and action', () => {
    try {
      parseConfig({ server: { port: 'eighty' }, ui: { idleMs: 5 }, typo: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).action).toBe('configuration');
      expect((error as Error).message).toMatch(/server\.port/);
      expect((error as Error).message).toMatch(/ui\.idleMs/);
      expect((error as Error).message).toMatch(/typo/);
    }
  });
  it('explains an unreadable or non-JSON file', () => {
    expect(() => loadConfig({ KIOSK_CONFIG: '/nonexistent/kiosk.json' })).toThrow(
      /cannot read configuration file/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(() => loadConfig({ KIOSK_CONFIG: join(dir, 'bad.json') })).toThrow(/not valid JSON/);
  });
});
