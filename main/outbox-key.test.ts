import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateOutboxKey, OUTBOX_KEY_FILE, type OutboxKeyResult } from './outbox-key.js';
import { FakeSafeStorage } from './testing/fake-safe-storage.js';
import { FakeLog } from './testing/fake-log.js';

let dataDir: string;
let log: FakeLog;
beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'kiosk-outbox-key-')), 'kiosk-data');
  log = new FakeLog();
});
afterEach(() => rmSync(join(dataDir, '..'), { recursive: true }));

const keyPath = () => join(dataDir, OUTBOX_KEY_FILE);
const load = (safeStorage: FakeSafeStorage) => loadOrCreateOutboxKey({ safeStorage, dataDir, log });

function keyOf(result: OutboxKeyResult): Buffer {
  if (!result.ok) throw new Error(`expected a key, got ${result.code}: ${result.message}`);
  return result.key;
}

describe('outbox key (shell side)', () => {
  it('first start makes a random key and stores it only wrapped, 0600 in a 0700 folder', async () => {
    const result = await load(new FakeSafeStorage());
    const key = keyOf(result);
    expect(key).toHaveLength(32);
    expect(result).toMatchObject({ created: true, path: keyPath() });
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const onDisk = readFileSync(keyPath());
    expect(onDisk.includes(key)).toBe(false);
    expect(onDisk.toString('latin1')).not.toContain(key.toString('base64'));
    // Nothing else is left behind (no temporary file, no unwrapped copy).
    expect(readdirSync(dataDir)).toEqual([OUTBOX_KEY_FILE]);
  });

  it('second start unwraps the same key with the same OS secret store', async () => {
    const keyring = new FakeSafeStorage();
    const first = keyOf(await load(keyring));
    const again = await load(new FakeSafeStorage(keyring.secret));
    expect(keyOf(again).equals(first)).toBe(true);
    expect(again).toMatchObject({ created: false });
  });

  it('refuses when the OS offers no encryption, and stores nothing', async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.available = false;
    expect(await load(safeStorage)).toMatchObject({
      ok: false,
      code: 'encryptionUnavailable',
      action: 'configuration',
    });
    expect(() => statSync(keyPath())).toThrow();
  });

  it('refuses the Linux basic_text backend (a password built into Chromium)', async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.backend = 'basic_text';
    const result = await load(safeStorage);
    expect(result).toMatchObject({ ok: false, code: 'encryptionUnavailable' });
    expect(result.ok || result.message).toContain('basic_text');
    expect(safeStorage.encryptions).toBe(0);
    expect(() => statSync(keyPath())).toThrow();
  });

  it('accepts a real Linux keyring backend', async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.backend = 'gnome_libsecret';
    expect(keyOf(await load(safeStorage))).toHaveLength(32);
  });

  it('reports a file the keyring cannot unwrap and keeps it (it may still be recoverable)', async () => {
    await load(new FakeSafeStorage());
    const before = readFileSync(keyPath());
    // The kiosk user's keyring was reset: a different OS secret.
    const result = await load(new FakeSafeStorage());
    expect(result).toMatchObject({ ok: false, code: 'keyFileInvalid', action: 'configuration' });
    expect(result.ok || result.message).toContain('file was kept');
    expect(readFileSync(keyPath()).equals(before)).toBe(true);
  });

  it('reports a corrupt or truncated file and keeps it', async () => {
    const keyring = new FakeSafeStorage();
    await load(keyring);
    const wrapped = readFileSync(keyPath());
    const corrupted = [
      wrapped.subarray(0, 20),
      Buffer.alloc(0),
      Buffer.from('garbage'),
      Buffer.alloc(100_000, 1),
    ];
    for (const corrupt of corrupted) {
      writeFileSync(keyPath(), corrupt, { mode: 0o600 });
      expect(await load(keyring)).toMatchObject({ ok: false, code: 'keyFileInvalid' });
      expect(readFileSync(keyPath()).equals(corrupt)).toBe(true);
    }
  });

  it('reports a file that unwraps to something that is not a 32-byte key', async () => {
    const keyring = new FakeSafeStorage();
    mkdirSync(dataDir, { recursive: true });
    const short = Buffer.alloc(31, 7).toString('base64');
    writeFileSync(keyPath(), await keyring.encryptString(short), { mode: 0o600 });
    expect(await load(keyring)).toMatchObject({ ok: false, code: 'keyFileInvalid' });
    expect(JSON.stringify(log.entries)).not.toContain(short);
  });

  it('reports a folder in place of the file', async () => {
    mkdirSync(keyPath(), { recursive: true });
    expect(await load(new FakeSafeStorage())).toMatchObject({
      ok: false,
      code: 'keyFileInvalid',
    });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'reports a file it cannot read',
    async () => {
      await load(new FakeSafeStorage());
      chmodSync(keyPath(), 0o000);
      expect(await load(new FakeSafeStorage())).toMatchObject({
        ok: false,
        code: 'keyFileUnreadable',
      });
    },
  );

  it('reports a key file it cannot reach (a file where the data folder should be)', async () => {
    mkdirSync(join(dataDir, '..'), { recursive: true });
    writeFileSync(dataDir, 'a file where the folder should be');
    expect(await load(new FakeSafeStorage())).toMatchObject({
      ok: false,
      code: 'keyFileUnreadable',
    });
  });

  it('warns about a file others can read but still uses it (it is only the wrapped key)', async () => {
    const keyring = new FakeSafeStorage();
    const first = keyOf(await load(keyring));
    chmodSync(keyPath(), 0o644);
    expect(keyOf(await load(keyring)).equals(first)).toBe(true);
    expect(log.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'outboxKey.fileMode' }),
    );
  });

  it('wraps the same key anew when the OS rotated its secret', async () => {
    const keyring = new FakeSafeStorage();
    const first = keyOf(await load(keyring));
    const before = readFileSync(keyPath());
    keyring.rotated = true;
    expect(keyOf(await load(keyring)).equals(first)).toBe(true);
    expect(readFileSync(keyPath()).equals(before)).toBe(false);
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
    keyring.rotated = false;
    expect(keyOf(await load(keyring)).equals(first)).toBe(true);
    expect(readdirSync(dataDir)).toEqual([OUTBOX_KEY_FILE]);
  });

  it('uses the file another shell created meanwhile instead of overwriting it', async () => {
    const keyring = new FakeSafeStorage();
    const [a, b] = await Promise.all([load(keyring), load(keyring)]);
    expect(keyOf(a).equals(keyOf(b))).toBe(true);
    expect([a, b].filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual([OUTBOX_KEY_FILE]);
  });

  it('never logs the key', async () => {
    const keyring = new FakeSafeStorage();
    keyring.rotated = true;
    const key = keyOf(await load(keyring));
    await load(keyring);
    const logged = JSON.stringify(log.entries);
    expect(logged).not.toContain(key.toString('base64'));
    expect(logged).not.toContain(key.toString('hex'));
  });
});
