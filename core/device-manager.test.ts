import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceError, DeviceStatusDelta } from '../contract/index.js';
import { describe, expect, it } from 'vitest';
import { CounterStore } from './counter-store.js';
import { DeviceManager } from './device-manager.js';
import { DeviceRegistry } from './device-registry.js';
import { createLogger } from './log.js';
import { RendererCamera } from './renderer-camera.js';
import { SleepDetector } from './sleep-detector.js';

const log = createLogger('silent');

function rig(file = join(mkdtempSync(join(tmpdir(), 'kiosk-dm-')), 'counters.json')) {
  const deltas: DeviceStatusDelta[] = [];
  const errors: DeviceError[] = [];
  let wall = 0;
  const mono = 0;
  const clocks = { wall: () => wall, monotonic: () => mono };
  const counters = new CounterStore(file, log, 10);
  const manager = new DeviceManager({
    registry: new DeviceRegistry((d) => deltas.push(d)),
    counters,
    log,
    sinks: { error: (e) => errors.push(e) },
    tickMs: 10,
    sleepDetector: new SleepDetector(clocks, 1_000),
  });
  const camera = new RendererCamera('camera', counters.countersFor('camera'));
  manager.add(camera);
  const sleep = (ms: number) => (wall += ms);
  return { manager, camera, counters, deltas, errors, file, sleep };
}

describe('DeviceManager', () => {
  it('publishes device status as deltas and errors with their action', async () => {
    const { manager, camera, deltas, errors } = rig();
    manager.openAll();
    camera.report('noDevice', 'notFound');
    camera.report('online');
    expect(deltas.map((d) => d.changes)).toEqual([
      { state: 'noDevice', reason: 'notFound' },
      { state: 'online', reason: null },
    ]);
    expect(errors).toMatchObject([{ errorCode: 'notFound', action: 'maintenance' }]);
    expect(await manager.checkHealth('camera', 'internal')).toMatchObject({ ok: true });
    expect(await manager.checkHealth('nothing', 'internal')).toBeUndefined();
    await manager.closeAll();
  });

  it('lets a technician take a device only while the citizen side is idle', async () => {
    const { manager } = rig();
    manager.openAll();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(manager.lifecycles()).toEqual([
      { id: 'camera', stage: 'enabled', claimedBy: 'citizenFlow' },
    ]);
    expect(manager.claim('camera', 'technician', false)).toMatchObject({ ok: false });
    expect(manager.claim('camera', 'technician', true)).toEqual({ ok: true });
    expect(manager.claim('camera', 'citizenFlow', true)).toMatchObject({
      ok: false,
      code: 'deviceNotReady',
    });
    expect(manager.release('camera', 'technician')).toEqual({ ok: true });
    await manager.closeAll();
  });

  it('keeps counters across a restart, and ignores a corrupt counters file', async () => {
    const first = rig();
    first.camera.report('noDevice', 'notFound');
    first.camera.report('online');
    await first.manager.closeAll();
    const second = rig(first.file);
    expect(second.manager.counters()).toEqual([
      { id: 'camera', counters: { reportsProblem: 1, reportsOnline: 1 } },
    ]);
    writeFileSync(first.file, '{not json');
    const third = rig(first.file);
    expect(third.manager.counters()).toEqual([{ id: 'camera', counters: {} }]);
    await third.manager.closeAll();
    expect(JSON.parse(readFileSync(first.file, 'utf8'))).toEqual({ camera: {} });
  });
});

describe('DeviceManager after the machine slept', () => {
  it('closes and reopens every device (USB handles die on resume)', async () => {
    const { manager, camera, sleep } = rig();
    const calls: string[] = [];
    camera.open = async () => (calls.push('open'), camera.status);
    camera.close = async () => void calls.push('close');
    manager.openAll();
    sleep(60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual(['open', 'close', 'open']);
    await manager.closeAll();
  });
});

describe('SleepDetector', () => {
  it('notices the wall clock running ahead of the monotonic clock (suspend/resume)', () => {
    let wall = 1_000_000;
    let mono = 50;
    const detector = new SleepDetector({ wall: () => wall, monotonic: () => mono }, 15_000);
    wall += 5_000;
    mono += 5_000;
    expect(detector.check()).toBe(0);
    wall += 600_000;
    mono += 5_000;
    expect(detector.check()).toBe(595_000);
  });
});
