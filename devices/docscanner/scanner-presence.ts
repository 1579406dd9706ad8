import type { DeviceState } from '../../contract/index.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities } from '../device/kiosk-device.js';
import type { StatusTracker } from '../util/status-tracker.js';
import type { TimerHandle, Timers } from '../util/timers.js';
import type { SaneOptionSet } from './sane-options.js';
import type { ScanimageCli } from './scanimage-cli.js';
import { featureCapabilities, scannerFeatures } from './scanner-features.js';
import type { ScannerFeatures } from './scanner-features.js';
import type { ScanFailure } from './scan-types.js';

/** What ScannerPresence needs. */
export interface PresenceOptions {
  /** The scanimage runner. */
  readonly cli: ScanimageCli;
  /** Configured SANE device name, or "auto" for the first listed. */
  readonly device: string;
  /** The device's status. */
  readonly tracker: StatusTracker;
  /** Clock and timers. */
  readonly timers: Timers;
  /** Pause between two presence checks. */
  readonly pollMs: number;
  /** Timeout of listing and reading options. */
  readonly probeTimeoutMs: number;
  /** False while a scan runs (polls are skipped then). */
  readonly idle: () => boolean;
  /** Operational log. */
  readonly log: (event: string, detail?: Readonly<Record<string, string | number>>) => void;
}

/**
 * Knows whether the scanner is there: lists devices (`scanimage -f`) every `pollMs`, reads the
 * options when the device (re)appears, and sets noDevice / offline / online. A fault from a scan
 * (jam, cover) is not cleared by a poll, only by the next successful scan.
 */
export class ScannerPresence {
  /** The SANE name in use, once found. */
  deviceName: string | undefined;
  /** The device's options, once read. */
  options: SaneOptionSet | undefined;
  /** What the device offers, once read. */
  features: ScannerFeatures | undefined;
  private running = false;
  private listed = false;
  private stale = true;
  private scanFault = false;
  private timer: TimerHandle | undefined;
  private probing: Promise<DeviceResult<string, ScanFailure>> = Promise.resolve(notOpen());

  constructor(private readonly o: PresenceOptions) {}

  /** The features as capabilities (empty until the options were read). */
  get capabilities(): Capabilities {
    return this.features === undefined ? {} : featureCapabilities(this.features);
  }

  /** Checks once, then polls. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.o.tracker.update({ state: 'starting' });
    await this.check();
    this.schedule();
  }

  /** Stops polling and waits for a running check. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
    await this.probing;
  }

  /** The device name when it is known to be there, else a fresh check. */
  ready(): Promise<DeviceResult<string, ScanFailure>> {
    if (this.running && this.listed && !this.stale && this.deviceName !== undefined) {
      return Promise.resolve(succeed(this.deviceName));
    }
    return this.check();
  }

  /** Lists devices and reads options if needed (one check at a time); updates the status. */
  check(): Promise<DeviceResult<string, ScanFailure>> {
    this.probing = this.probing.then(
      () => this.probe(),
      () => this.probe(),
    );
    return this.probing;
  }

  /** A scan put the device into a fault state; polls must not clear it. */
  faultRaised(): void {
    this.scanFault = true;
  }

  /** A scan succeeded. */
  faultCleared(): void {
    this.scanFault = false;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = undefined;
      const step = this.o.idle() ? this.check() : Promise.resolve();
      void step.then(() => this.schedule());
    }, this.o.pollMs);
  }

  private async probe(): Promise<DeviceResult<string, ScanFailure>> {
    if (!this.running) return notOpen();
    const limits = { timeoutMs: this.o.probeTimeoutMs };
    const list = await this.o.cli.listDevices(limits);
    if (!this.running) return notOpen();
    if (!list.ok) return this.lost('offline', list.error);
    const wanted = this.o.device;
    const name = (wanted === 'auto' ? list.value[0] : list.value.find((d) => d.name === wanted))
      ?.name;
    if (name === undefined) {
      const description = `${wanted === 'auto' ? 'no scanner' : wanted} is not listed by SANE`;
      return this.lost('noDevice', {
        code: 'deviceNotListed',
        kind: 'hardware',
        action: 'maintenance',
        description,
      });
    }
    if (this.stale || name !== this.deviceName) {
      const options = await this.o.cli.readOptions(name, limits);
      if (!this.running) return notOpen();
      if (!options.ok) return this.lost('hardwareError', options.error);
      this.options = options.value;
      this.features = scannerFeatures(options.value);
      this.o.log('docscanner.optionsRead', { options: options.value.options.length });
    }
    this.deviceName = name;
    this.listed = true;
    this.stale = false;
    const state = this.o.tracker.status.state;
    if (!this.scanFault && state !== 'busy' && state !== 'online') this.o.tracker.online();
    return succeed(name);
  }

  private lost(state: DeviceState, failure: ScanFailure): { ok: false; error: ScanFailure } {
    this.listed = false;
    this.stale = true;
    this.scanFault = false;
    this.o.log('docscanner.notReady', { reason: failure.code });
    this.o.tracker.problem(state, failure.code, failure);
    return { ok: false, error: failure };
  }
}

function notOpen(): { ok: false; error: ScanFailure } {
  const description = 'the document scanner is not open';
  return {
    ok: false,
    error: { code: 'deviceNotReady', kind: 'software', action: 'softwareError', description },
  };
}
