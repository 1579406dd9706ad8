import type { DeviceError, HealthLevel, HealthReport } from '../contract/index.js';
import type { KioskDevice } from '../devices/index.js';
import type { CounterStore } from './counter-store.js';
import { DeviceLifecycle } from './device-lifecycle.js';
import type { DeviceOwner, LifecycleOutcome } from './device-lifecycle.js';
import type { DeviceRegistry } from './device-registry.js';
import type { Logger } from './log.js';
import { SleepDetector } from './sleep-detector.js';

/** What the manager tells the rest of the core. */
export interface DeviceManagerSinks {
  /** A device error, for the renderer and technicians. */
  error(error: DeviceError): void;
}

/** Options of the device manager. */
export interface DeviceManagerOptions {
  /** Where statuses go (it publishes deltas and drives service availability). */
  readonly registry: DeviceRegistry;
  /** Persisted statistics counters. */
  readonly counters: CounterStore;
  /** Log. */
  readonly log: Logger;
  /** Error sink. */
  readonly sinks: DeviceManagerSinks;
  /** How often to look for a system sleep/resume and count online time. Default 5000 ms. */
  readonly tickMs?: number;
  /** Sleep detection (injected in tests). */
  readonly sleepDetector?: SleepDetector;
}

interface Managed {
  readonly device: KioskDevice;
  readonly lifecycle: DeviceLifecycle;
}

/**
 * Owns every configured device: registers its status, forwards its errors, opens it (each
 * device then reconnects by itself with backoff when its port disappears and returns — hot-plug),
 * counts its online time, runs health checks, tracks the UnifiedPOS lifecycle, and reopens
 * everything after the machine slept (USB devices are re-enumerated on resume).
 */
export class DeviceManager {
  private readonly devices = new Map<string, Managed>();
  private readonly sleep: SleepDetector;
  private ticker: NodeJS.Timeout | undefined;
  private lastTick = performance.now();

  constructor(private readonly o: DeviceManagerOptions) {
    this.sleep = o.sleepDetector ?? new SleepDetector();
  }

  /** Adds a device; its status goes to the registry from now on. */
  add(device: KioskDevice): void {
    const lifecycle = new DeviceLifecycle();
    this.devices.set(device.id, { device, lifecycle });
    this.o.registry.register({ ...device.status, state: 'starting' });
    device.on('status', ({ id: _id, deviceClass: _class, ...fields }) =>
      this.o.registry.update(device.id, fields),
    );
    device.on('error', (error) => {
      this.o.log.warn(
        { device: error.id, errorCode: error.errorCode, action: error.action },
        'device.error',
      );
      this.o.sinks.error(error);
    });
  }

  /** Opens every device (without waiting for slow ones) and starts the tick. */
  openAll(): void {
    for (const { device, lifecycle } of this.devices.values()) this.openOne(device, lifecycle);
    const tickMs = this.o.tickMs ?? 5_000;
    this.ticker = setInterval(() => this.tick(), tickMs);
    this.ticker.unref();
  }

  /** Closes every device and flushes the counters. */
  async closeAll(): Promise<void> {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
    await Promise.all(
      [...this.devices.values()].map(async ({ device, lifecycle }) => {
        await device.close().catch(() => undefined);
        lifecycle.closed();
      }),
    );
    this.o.counters.flush();
  }

  /** Runs a health check; an unknown device is reported, not thrown. */
  async checkHealth(
    id: string,
    level: HealthLevel,
    signal?: AbortSignal,
  ): Promise<HealthReport | undefined> {
    const device = this.devices.get(id)?.device;
    if (device === undefined) return undefined;
    return device.checkHealth(level, signal !== undefined ? { signal } : {});
  }

  /** Claims a device for `owner` (a technician only when the citizen side is idle). */
  claim(id: string, owner: DeviceOwner, citizenIdle: boolean): LifecycleOutcome {
    const managed = this.devices.get(id);
    if (managed === undefined)
      return { ok: false, code: 'sequenceError', reason: 'no such device' };
    const outcome = managed.lifecycle.claim(owner, citizenIdle);
    if (outcome.ok) this.o.log.info({ device: id, owner }, 'device.claimed');
    return outcome;
  }

  /** Releases a claim. */
  release(id: string, owner: DeviceOwner): LifecycleOutcome {
    const managed = this.devices.get(id);
    if (managed === undefined)
      return { ok: false, code: 'sequenceError', reason: 'no such device' };
    return managed.lifecycle.release(owner);
  }

  /** The lifecycle stage and owner of each device, for the technician console. */
  lifecycles(): Array<{ id: string; stage: string; claimedBy: DeviceOwner | undefined }> {
    return [...this.devices.entries()].map(([id, { lifecycle }]) => ({
      id,
      stage: lifecycle.stage,
      claimedBy: lifecycle.claimedBy,
    }));
  }

  /** Every device's persisted counters, merged with the live ones. */
  counters(): Array<{ id: string; counters: Record<string, number> }> {
    const all = this.o.counters.snapshot();
    return [...this.devices.keys()].map((id) => ({ id, counters: all[id] ?? {} }));
  }

  private openOne(device: KioskDevice, lifecycle: DeviceLifecycle): void {
    void device
      .open()
      .then(() => {
        lifecycle.opened();
        lifecycle.claim('citizenFlow', true);
        lifecycle.enable('citizenFlow');
      })
      .catch((error: unknown) =>
        this.o.log.warn({ device: device.id, err: error }, 'device.openFailed'),
      );
  }

  private tick(): void {
    // Whole seconds only; the remainder carries over to the next tick.
    const seconds = Math.floor((performance.now() - this.lastTick) / 1000);
    this.lastTick += seconds * 1000;
    for (const { device } of this.devices.values()) {
      if (device.status.state === 'online' && seconds > 0) {
        this.o.counters.countersFor(device.id).add('secondsOnline', seconds);
      }
    }
    const slept = this.sleep.check();
    if (slept > 0) void this.reopenAfterSleep(slept);
  }

  private async reopenAfterSleep(sleptMs: number): Promise<void> {
    this.o.log.info({ sleptMs }, 'devices.resumeReopen');
    for (const { device, lifecycle } of this.devices.values()) {
      await device.close().catch(() => undefined);
      lifecycle.closed();
      this.openOne(device, lifecycle);
    }
  }
}
