import { describe, expect, it } from 'vitest';
import { ManualTimers, settle } from '../testing/manual-timers.js';
import { runDeviceCommand } from './device-command.js';
import { succeed } from './device-result.js';
import type { DeviceResult } from './device-result.js';

describe('runDeviceCommand', () => {
  it('passes the result of a command that finishes in time', async () => {
    const timers = new ManualTimers();
    const result = await runDeviceCommand('capture', timers, { timeoutMs: 100 }, async () =>
      succeed(42),
    );
    expect(result).toEqual({ ok: true, value: 42 });
  });

  it('fails with timeOut (action reset) and tells the work to stop', async () => {
    const timers = new ManualTimers();
    let stopped: unknown;
    const pending = runDeviceCommand<number>('capture', timers, { timeoutMs: 100 }, (signal) => {
      signal.addEventListener('abort', () => (stopped = signal.reason));
      return new Promise<DeviceResult<number>>(() => {});
    });
    await timers.advance(100);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'timeOut', action: 'reset' } });
    expect(stopped).toMatchObject({ code: 'timeOut' });
  });

  it('fails with cancelled when the caller aborts, and ignores the late result', async () => {
    const timers = new ManualTimers();
    const caller = new AbortController();
    let finishWork: (r: DeviceResult<number>) => void = () => {};
    const pending = runDeviceCommand<number>(
      'capture',
      timers,
      { timeoutMs: 10_000, signal: caller.signal },
      () => new Promise((resolve) => (finishWork = resolve)),
    );
    caller.abort();
    finishWork(succeed(1));
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled', kind: 'user' } });
  });

  it('does not start when already cancelled', async () => {
    const caller = new AbortController();
    caller.abort();
    let started = false;
    const result = await runDeviceCommand(
      'capture',
      new ManualTimers(),
      { timeoutMs: 10, signal: caller.signal },
      async () => {
        started = true;
        return succeed(1);
      },
    );
    expect(started).toBe(false);
    expect(result.ok).toBe(false);
  });

  it('turns a throw inside the command into a softwareError, never a rejection', async () => {
    const timers = new ManualTimers();
    const result = await runDeviceCommand('print', timers, { timeoutMs: 100 }, async () => {
      throw new Error('bug');
    });
    await settle();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'softwareError', action: 'softwareError', description: 'print: bug' },
    });
  });
});
