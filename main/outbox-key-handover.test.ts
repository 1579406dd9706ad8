import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOverOutboxKey, obtainOutboxKeyMessage } from './outbox-key-handover.js';
import { FakeClock } from './testing/fake-clock.js';
import { FakeChild } from './testing/fake-electron.js';
import { FakeSafeStorage } from './testing/fake-safe-storage.js';
import { FakeLog } from './testing/fake-log.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-key-handover-'));
});
afterEach(() => rmSync(dataDir, { recursive: true }));

describe('outbox key hand-over', () => {
  it('logs where the key is and whether it was made, never the key', async () => {
    const log = new FakeLog();
    const safeStorage = new FakeSafeStorage();
    const clock = new FakeClock();
    const first = await obtainOutboxKeyMessage({ safeStorage, dataDir, clock, log });
    const again = await obtainOutboxKeyMessage({ safeStorage, dataDir, clock, log });
    expect(again).toEqual(first);
    expect(log.entries).toEqual([
      {
        level: 'info',
        msg: 'outboxKey.ready',
        fields: { path: join(dataDir, 'outbox-key.safe'), created: true },
      },
      {
        level: 'info',
        msg: 'outboxKey.ready',
        fields: { path: join(dataDir, 'outbox-key.safe'), created: false },
      },
    ]);
    expect(clock.pending).toBe(0);
    const child = new FakeChild(1);
    handOverOutboxKey(child, first, log);
    expect(child.posted).toEqual([first]);
    expect(JSON.stringify(log.entries)).not.toContain('key' in first ? first.key : '?');
  });

  it('turns a refusal into an error message for the core and a configuration error in the log', async () => {
    const log = new FakeLog();
    const safeStorage = new FakeSafeStorage();
    safeStorage.available = false;
    const message = await obtainOutboxKeyMessage({
      safeStorage,
      dataDir,
      clock: new FakeClock(),
      log,
    });
    expect(message).toEqual({
      type: 'outboxKey',
      error: { code: 'encryptionUnavailable', message: expect.stringContaining('secret store') },
    });
    expect(log.entries).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'outboxKey.unavailable',
        fields: expect.objectContaining({ code: 'encryptionUnavailable', action: 'configuration' }),
      }),
    ]);
  });

  it('gives up on a secret store that does not answer in time', async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.hang = true;
    const clock = new FakeClock();
    const pending = obtainOutboxKeyMessage({
      safeStorage,
      dataDir,
      clock,
      log: new FakeLog(),
      timeoutMs: 5_000,
    });
    clock.advance(5_000);
    expect(await pending).toEqual({
      type: 'outboxKey',
      error: { code: 'encryptionUnavailable', message: expect.stringContaining('5000 ms') },
    });
  });
});
