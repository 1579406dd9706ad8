import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyProvider } from './file-key-provider.js';
import { KeyProviderError, StaticKeyProvider } from './key-provider.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
});
afterEach(() => rmSync(dir, { recursive: true }));

function thrown(fn: () => unknown): KeyProviderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KeyProviderError) return error;
    throw error;
  }
  throw new Error('expected a KeyProviderError');
}

describe('file key provider', () => {
  it('creates a random 32-byte key, 0600 in a 0700 folder, and reads the same key back', () => {
    const path = join(dir, 'keys', 'outbox.key');
    const key = new FileKeyProvider(path).getKey();
    expect(key.length).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(new FileKeyProvider(path).getKey().equals(key)).toBe(true);
    expect(new FileKeyProvider(join(dir, 'other.key')).getKey().equals(key)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a key file that group or others can read, asking for configuration',
    () => {
      const path = join(dir, 'outbox.key');
      new FileKeyProvider(path).getKey();
      chmodSync(path, 0o640);
      const error = thrown(() => new FileKeyProvider(path).getKey());
      expect(error).toMatchObject({ code: 'keyFileExposed', action: 'configuration' });
      expect(error.message).toContain('640');
    },
  );

  it('refuses a key file of the wrong size instead of using a weak key', () => {
    const path = join(dir, 'outbox.key');
    writeFileSync(path, Buffer.alloc(16), { mode: 0o600 });
    expect(thrown(() => new FileKeyProvider(path).getKey())).toMatchObject({
      code: 'keyFileInvalid',
      action: 'configuration',
    });
    expect(thrown(() => new StaticKeyProvider(Buffer.alloc(31)))).toMatchObject({
      code: 'keyInvalid',
    });
  });
});
