import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyProvider } from '../offline-cache/crypto/file-key-provider.js';
import { KeyProviderError, StaticKeyProvider } from '../offline-cache/crypto/key-provider.js';
import { toOutboxFailure } from '../offline-cache/outbox/outbox-failure.js';
import { createLogger } from './log.js';
import {
  electronParentPort,
  outboxKeySource,
  RefusingKeyProvider,
  ShellKeyUnavailableError,
  type ParentPortLike,
} from './outbox-key-source.js';

/** Electron's parentPort as the core sees it: MessageEvents `{ data, ports }`. */
class FakeParentPort extends EventEmitter implements ParentPortLike {
  /** The shell posts `data`. */
  post(data: unknown): void {
    this.emit('message', { data, ports: [] });
  }
  /** Listeners still attached. */
  get listening(): number {
    return this.listenerCount('message');
  }
}

let dir: string;
let lines: Record<string, unknown>[];
const log = () =>
  createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line)) });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-outbox-key-source-'));
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true }));

const key = randomBytes(32);
const keyMessage = { type: 'outboxKey', key: key.toString('base64') };
const messages = () => lines.map((line) => line.msg);

function refusal(provider: unknown): ShellKeyUnavailableError {
  if (!(provider instanceof RefusingKeyProvider)) throw new Error('expected a refusing provider');
  try {
    provider.getKey();
  } catch (error) {
    if (error instanceof ShellKeyUnavailableError) return error;
    throw error;
  }
  throw new Error('getKey() returned a key');
}

describe('outbox key source', () => {
  it('takes the key the shell posts and stops listening', async () => {
    const port = new FakeParentPort();
    const source = outboxKeySource({ dataDir: dir, parentPort: port, log: log() });
    port.post(keyMessage);
    const provider = await source;
    expect(provider).toBeInstanceOf(StaticKeyProvider);
    expect(provider.getKey().equals(key)).toBe(true);
    expect(port.listening).toBe(0);
    expect(JSON.stringify(lines)).not.toContain(keyMessage.key);
    // No key file is made under the shell: the key never touches the disk unwrapped.
    expect(() => statSync(join(dir, 'keys', 'outbox.key'))).toThrow();
  });

  it('refuses personal data with the reason the shell gives', async () => {
    const port = new FakeParentPort();
    const source = outboxKeySource({ dataDir: dir, parentPort: port, log: log() });
    port.post({
      type: 'outboxKey',
      error: { code: 'encryptionUnavailable', message: 'backend basic_text' },
    });
    const error = refusal(await source);
    expect(error).toBeInstanceOf(KeyProviderError);
    expect(error.reason).toBe('encryptionUnavailable');
    expect(error.action).toBe('configuration');
    expect(error.message).toContain('backend basic_text');
    // What a citizen's request gets from the outbox.
    expect(toOutboxFailure(error)).toMatchObject({
      ok: false,
      code: 'keyUnavailable',
      action: 'configuration',
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'outboxKey.unavailable',
        reason: 'encryptionUnavailable',
        action: 'configuration',
        level: 50,
      }),
    );
  });

  it('refuses with keyNotHandedOver and keeps the shell’s own reason', async () => {
    const port = new FakeParentPort();
    const source = outboxKeySource({ dataDir: dir, parentPort: port, log: log() });
    port.post({ type: 'outboxKey', error: { code: 'keyFileInvalid', message: 'cannot unwrap' } });
    const error = refusal(await source);
    expect(error.code).toBe('keyNotHandedOver');
    expect((error as unknown as { reason: string }).reason).toBe('keyFileInvalid');
  });

  it('refuses after the wait when the shell sends nothing', async () => {
    const port = new FakeParentPort();
    const provider = await outboxKeySource({
      dataDir: dir,
      parentPort: port,
      timeoutMs: 20,
      log: log(),
    });
    const error = refusal(provider);
    expect(error.reason).toBe('noKeyFromShell');
    expect(error.message).toContain('20 ms');
    expect(port.listening).toBe(0);
    // A key arriving late does not swap the key of a running outbox.
    port.post(keyMessage);
    expect(() => provider.getKey()).toThrow(ShellKeyUnavailableError);
  });

  it('ignores and logs garbage, then takes the valid message', async () => {
    const port = new FakeParentPort();
    const source = outboxKeySource({ dataDir: dir, parentPort: port, log: log() });
    const short = randomBytes(31).toString('base64');
    const garbage: unknown[] = [
      undefined,
      null,
      42,
      'outboxKey',
      [keyMessage],
      {},
      { type: 'somethingElse' },
      { type: 'outboxKey' },
      { type: 'outboxKey', key: short },
      { type: 'outboxKey', key: keyMessage.key.replace(/.$/, '') },
      { type: 'outboxKey', key: `${keyMessage.key}\n` },
      { type: 'outboxKey', key: 'A'.repeat(1_000_000) },
      { type: 'outboxKey', key: keyMessage.key, extra: 1 },
      { type: 'outboxKey', key: keyMessage.key, error: { code: 'x', message: 'y' } },
      { type: 'outboxKey', error: { code: 'rm -rf /', message: 'x' } },
      { type: 'outboxKey', error: { code: 'keyFileInvalid', message: 'x'.repeat(5_000) } },
      { type: 'outboxKey', error: 'encryptionUnavailable' },
    ];
    for (const data of garbage) port.post(data);
    // A raw value instead of a MessageEvent, and an event whose data getter throws.
    port.emit('message', 'raw');
    port.emit('message', {
      get data() {
        throw new Error('hostile');
      },
    });
    expect(port.listening).toBe(1);
    port.post(keyMessage);
    const provider = await source;
    expect(provider.getKey().equals(key)).toBe(true);
    const ignored = lines.filter((line) => line.msg === 'outboxKey.messageIgnored');
    expect(ignored).toHaveLength(garbage.length + 2);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(short);
    expect(logged).not.toContain(keyMessage.key);
  });

  it('uses the 0600 key file when there is no shell', async () => {
    const provider = await outboxKeySource({ dataDir: dir, parentPort: undefined, log: log() });
    expect(provider).toBeInstanceOf(FileKeyProvider);
    expect((provider as FileKeyProvider).path).toBe(join(dir, 'keys', 'outbox.key'));
    const first = provider.getKey();
    expect(statSync(join(dir, 'keys', 'outbox.key')).mode & 0o777).toBe(0o600);
    const again = await outboxKeySource({ dataDir: dir, log: log() });
    expect(again.getKey().equals(first)).toBe(true);
  });

  it('warns that a browser-host key file is not used under the shell', async () => {
    mkdirSync(join(dir, 'keys'), { mode: 0o700 });
    writeFileSync(join(dir, 'keys', 'outbox.key'), randomBytes(32), { mode: 0o600 });
    const port = new FakeParentPort();
    const source = outboxKeySource({ dataDir: dir, parentPort: port, log: log() });
    port.post(keyMessage);
    expect((await source).getKey().equals(key)).toBe(true);
    expect(messages()).toContain('outboxKey.fileKeyIgnored');
  });
});

describe('electron parent port detection', () => {
  it('finds process.parentPort only when it looks like Electron’s', () => {
    const port = new FakeParentPort();
    expect(electronParentPort({ parentPort: port })).toBe(port);
    expect(electronParentPort({})).toBeUndefined();
    expect(electronParentPort({ parentPort: null })).toBeUndefined();
    expect(electronParentPort({ parentPort: { on: () => {} } })).toBeUndefined();
    // Plain Node (vitest) has none.
    expect(electronParentPort()).toBeUndefined();
  });
});
