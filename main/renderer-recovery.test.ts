import { describe, expect, it } from 'vitest';
import { RendererRecovery, type RecoveryActions } from './renderer-recovery.js';
import { FakeClock } from './testing/fake-clock.js';
import { FakeLog } from './testing/fake-log.js';

function setup() {
  const clock = new FakeClock();
  const log = new FakeLog();
  const done: (keyof RecoveryActions)[] = [];
  const record = (name: keyof RecoveryActions) => () => void done.push(name);
  const recovery = new RendererRecovery(
    {
      reload: record('reload'),
      recreate: record('recreate'),
      killRenderer: record('killRenderer'),
      showOutOfService: record('showOutOfService'),
      retryApp: record('retryApp'),
    },
    clock,
    log,
    { maxCrashes: 3, windowMs: 60_000, hangGraceMs: 15_000, slowRetryMs: 120_000 },
  );
  return { clock, log, done, recovery };
}

describe('RendererRecovery', () => {
  it.each(['crashed', 'killed', 'abnormal-exit', 'launch-failed'] as const)(
    'reloads once after the renderer is gone (%s)',
    (reason) => {
      const { recovery, done, log } = setup();
      recovery.onGone(reason, 1);
      expect(done).toEqual(['reload']);
      expect(log.messages()).toContain('renderer.gone');
    },
  );

  it('recreates the window after an out-of-memory death', () => {
    const { recovery, done } = setup();
    recovery.onGone('oom', -1);
    expect(done).toEqual(['recreate']);
  });

  it('trips the breaker on the third death within a minute and shows out of service', () => {
    const { recovery, done, clock, log } = setup();
    recovery.onGone('crashed', 1);
    clock.advance(20_000);
    recovery.onGone('oom', 1);
    clock.advance(20_000);
    recovery.onGone('crashed', 1);
    expect(done).toEqual(['reload', 'recreate', 'showOutOfService']);
    expect(recovery.isTripped).toBe(true);
    expect(log.messages()).toContain('renderer.crashLoop');
  });

  it('does not trip on deaths spread over more than a minute', () => {
    const { recovery, done, clock } = setup();
    for (let i = 0; i < 5; i++) {
      recovery.onGone('crashed', 1);
      clock.advance(31_000);
    }
    expect(done).toEqual(['reload', 'reload', 'reload', 'reload', 'reload']);
    expect(recovery.isTripped).toBe(false);
  });

  it('keeps retrying slowly while tripped and closes once a retry survives', () => {
    const { recovery, done, clock, log } = setup();
    for (let i = 0; i < 3; i++) recovery.onGone('crashed', 1);
    done.length = 0;
    clock.advance(119_999);
    expect(done).toEqual([]);
    clock.advance(1);
    expect(done).toEqual(['retryApp']);
    // The retry dies too: straight back to out of service, no fast reloads.
    recovery.onGone('crashed', 1);
    expect(done).toEqual(['retryApp', 'showOutOfService']);
    clock.advance(120_000);
    expect(done).toEqual(['retryApp', 'showOutOfService', 'retryApp']);
    clock.advance(60_000);
    expect(recovery.isTripped).toBe(false);
    expect(log.messages()).toContain('renderer.recovered');
    recovery.onGone('crashed', 1);
    expect(done.at(-1)).toBe('reload');
  });

  it('kills a page that stays unresponsive past the grace period', () => {
    const { recovery, done, clock } = setup();
    recovery.onUnresponsive();
    recovery.onUnresponsive();
    clock.advance(14_999);
    expect(done).toEqual([]);
    clock.advance(1);
    expect(done).toEqual(['killRenderer']);
    // Killing it makes Electron report render-process-gone, which reloads.
    recovery.onGone('killed', 0);
    expect(done).toEqual(['killRenderer', 'reload']);
  });

  it('leaves a page alone that responds again in time', () => {
    const { recovery, done, clock } = setup();
    recovery.onUnresponsive();
    clock.advance(10_000);
    recovery.onResponsive();
    clock.advance(60_000);
    expect(done).toEqual([]);
  });

  it('cancels its timers on dispose', () => {
    const { recovery, clock } = setup();
    for (let i = 0; i < 3; i++) recovery.onGone('crashed', 1);
    recovery.onUnresponsive();
    recovery.dispose();
    expect(clock.pending).toBe(0);
  });
});
