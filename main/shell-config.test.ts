import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appPaths,
  coreDataDir,
  coreEnvironment,
  findAppRoot,
  readShellConfig,
} from './shell-config.js';

describe('shell config', () => {
  it('reads KIOSK_DEVTOOLS and KIOSK_WINDOWED, off unless exactly 1', () => {
    expect(readShellConfig({})).toEqual({ devTools: false, windowed: false });
    expect(readShellConfig({ KIOSK_DEVTOOLS: '1', KIOSK_WINDOWED: '1' })).toEqual({
      devTools: true,
      windowed: true,
    });
    expect(readShellConfig({ KIOSK_DEVTOOLS: 'true', KIOSK_WINDOWED: '0' })).toEqual({
      devTools: false,
      windowed: false,
    });
  });

  it("gives the core the shell's environment, the token and a data directory", () => {
    const env = coreEnvironment(
      { PATH: '/usr/bin', KIOSK_PORT: '0', UNSET: undefined },
      'tok',
      '/data',
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      KIOSK_PORT: '0',
      KIOSK_TOKEN: 'tok',
      KIOSK_DATA_DIR: '/data',
    });
  });

  it('leaves the data directory to KIOSK_DATA_DIR or the config file when given', () => {
    expect(coreEnvironment({ KIOSK_DATA_DIR: '/srv/kiosk' }, 't', '/data').KIOSK_DATA_DIR).toBe(
      '/srv/kiosk',
    );
    expect(
      coreEnvironment({ KIOSK_CONFIG: '/etc/kiosk.json' }, 't', '/data').KIOSK_DATA_DIR,
    ).toBeUndefined();
  });

  it('never lets an inherited KIOSK_TOKEN replace the per-boot one', () => {
    expect(coreEnvironment({ KIOSK_TOKEN: 'old' }, 'new', '/data').KIOSK_TOKEN).toBe('new');
  });

  it('finds the app root above the bundle and the built files in it', () => {
    const files = new Set(['/opt/kiosk/resources/app.asar/package.json']);
    const root = findAppRoot('/opt/kiosk/resources/app.asar/dist/main', (p) => files.has(p));
    expect(root).toBe('/opt/kiosk/resources/app.asar');
    expect(appPaths(root)).toEqual({
      coreEntry: '/opt/kiosk/resources/app.asar/dist/core/kiosk-core.js',
      preload: '/opt/kiosk/resources/app.asar/dist/main/preload.cjs',
      recoveryPage: '/opt/kiosk/resources/app.asar/dist/main/recovery.html',
    });
    expect(() => findAppRoot('/nowhere/at/all', () => false)).toThrow(/no package.json/);
  });

  it("finds the core's data folder where the core will (for the wrapped outbox key)", () => {
    const files: Record<string, string> = {
      '/etc/kiosk.json': JSON.stringify({ dataDir: '/var/lib/kiosk' }),
      '/etc/relative.json': JSON.stringify({ dataDir: 'data' }),
      '/etc/none.json': JSON.stringify({ kioskId: 'K1' }),
      '/etc/broken.json': '{',
    };
    const read = (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    };
    const dataDir = (env: Record<string, string>) => coreDataDir(env, read);
    expect(dataDir({ KIOSK_DATA_DIR: '/data', KIOSK_CONFIG: '/etc/kiosk.json' })).toBe('/data');
    expect(dataDir({ KIOSK_CONFIG: '/etc/kiosk.json' })).toBe('/var/lib/kiosk');
    expect(dataDir({ KIOSK_CONFIG: '/etc/relative.json' })).toBe(resolve('data'));
    for (const config of ['/etc/none.json', '/etc/broken.json', '/etc/missing.json'])
      expect(dataDir({ KIOSK_CONFIG: config })).toBe(resolve('.kiosk-data'));
    expect(dataDir({})).toBe(resolve('.kiosk-data'));
  });
});
