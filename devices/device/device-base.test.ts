import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../contract/index.js';
import { StatusTracker } from '../util/status-tracker.js';
import { DeviceBase, safeLog } from './device-base.js';
import type { DeviceBaseSetup } from './device-base.js';
import { MemoryCounters } from './device-counters.js';
import type { CommonDeviceEvents, HealthLevel, HealthReport } from './kiosk-device.js';

interface TestEvents extends CommonDeviceEvents {
  ping: number;
}

class TestDevice extends DeviceBase<TestEvents> {
  readonly deviceClass = 'camera' as const;
  readonly capabilities = {};

  constructor(setup: Partial<DeviceBaseSetup> & Pick<DeviceBaseSetup, 'log'>) {
    super({
      initial: { id: 'dev1', deviceClass: 'camera', state: 'offline', reason: 'closed' },
      counters: new MemoryCounters({ uses: 2 }),
      logPrefix: 'test',
      ...setup,
    });
  }

  async open(): Promise<DeviceStatus> {
    return this.status;
  }

  async close(): Promise<void> {}

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    return { level, ok: true, code: 'ok', description: 'test' };
  }

  fail(reason: string): void {
    this.tracker.problem('hardwareError', reason, {
      kind: 'hardware',
      action: 'reset',
      description: `failed: ${reason}`,
    });
  }

  ping(n: number): void {
    this.stats.add('uses');
    this.events.emit('ping', n);
  }
}

type Logged = [string, Readonly<Record<string, string>>];

describe('DeviceBase', () => {
  it('takes id and status from the initial status and counts', () => {
    const device = new TestDevice({ log: () => {} });
    expect(device.id).toBe('dev1');
    expect(device.status).toEqual({
      id: 'dev1',
      deviceClass: 'camera',
      state: 'offline',
      reason: 'closed',
    });
    device.ping(1);
    expect(device.counters()).toEqual({ uses: 3 });
  });

  it('publishes status changes and new problems, logging each problem once', () => {
    const logged: Logged[] = [];
    const device = new TestDevice({ log: (event, detail) => logged.push([event, detail]) });
    const statuses: DeviceStatus[] = [];
    const errors: string[] = [];
    device.on('status', (s) => statuses.push(s));
    const stop = device.on('error', (e) => errors.push(e.errorCode));
    device.fail('jam');
    device.fail('jam');
    stop();
    device.fail('cover');
    expect(statuses.map((s) => s.reason)).toEqual(['jam', 'cover']);
    expect(errors).toEqual(['jam']);
    expect(logged).toEqual([
      ['test.problem', { state: 'hardwareError', reason: 'jam' }],
      ['test.problem', { state: 'hardwareError', reason: 'cover' }],
    ]);
  });

  it('logs a throwing listener and keeps calling the others', () => {
    const logged: Logged[] = [];
    const device = new TestDevice({ log: (event, detail) => logged.push([event, detail]) });
    const got: number[] = [];
    device.on('ping', () => {
      throw new Error('boom');
    });
    device.on('ping', (n) => got.push(n));
    device.ping(7);
    expect(got).toEqual([7]);
    expect(logged).toEqual([['test.listenerError', { message: 'Error: boom' }]]);
  });

  it('uses the class tracker and log details when given', () => {
    const logged: Logged[] = [];
    let built = 0;
    const device = new TestDevice({
      log: (event, detail) => logged.push([event, detail]),
      tracker: (initial, sink) => {
        built++;
        return new StatusTracker(initial, sink);
      },
      problemDetail: (error) => ({ reason: error.errorCode, action: error.action }),
      listenerErrorDetail: () => ({ error: 'hidden' }),
    });
    device.on('ping', () => {
      throw new Error('secret');
    });
    device.fail('jam');
    device.ping(1);
    expect(built).toBe(1);
    expect(logged).toEqual([
      ['test.problem', { reason: 'jam', action: 'reset' }],
      ['test.listenerError', { error: 'hidden' }],
    ]);
  });
});

describe('safeLog', () => {
  it('passes entries (detail only when given) and swallows a throwing logger', () => {
    const entries: unknown[] = [];
    const log = safeLog<Readonly<Record<string, number>>>((entry) => entries.push(entry));
    log('a');
    log('b', { n: 1 });
    expect(entries).toEqual([{ event: 'a' }, { event: 'b', detail: { n: 1 } }]);
    const failing = safeLog(() => {
      throw new Error('disk full');
    });
    expect(() => failing('c')).not.toThrow();
  });
});
