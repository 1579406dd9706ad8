import type {
  DeviceClass,
  DeviceError,
  DeviceStatus,
  HealthLevel,
  HealthReport,
} from '../../contract/index.js';
import type { Listener, Unsubscribe } from '../util/typed-emitter.js';
import type { CommandLimits } from './device-command.js';

// Health levels and reports are contract types: the technician console asks for them.
export type { HealthLevel, HealthReport } from '../../contract/index.js';

/** What a device can do, declared by its driver (e.g. printer: cut, nativeQr; reader: fingerprint). */
export type Capabilities = Readonly<Record<string, boolean | number | string>>;

/** Events every device class publishes; classes add their own. */
export interface CommonDeviceEvents {
  /** The full device status, each time it changes. */
  status: DeviceStatus;
  /** A device error for technicians, once per new problem. */
  error: DeviceError;
}

/**
 * The device class API shared by every class (IdCardReader, FingerprintScanner, ReceiptPrinter,
 * CardDispenser, BarcodeScanner, DocumentScanner, …). `open()` connects and keeps the device
 * connected (reopening with backoff); it never rejects: problems become status and errors.
 * Class commands take CommandLimits (timeout + AbortSignal) and resolve to DeviceResult.
 * Health levels: internal = self-test without media, external = moves or prints media,
 * interactive = needs a person at the machine.
 */
export interface KioskDevice<Events extends CommonDeviceEvents = CommonDeviceEvents> {
  /** Stable device id from configuration. */
  readonly id: string;
  /** The device class it implements. */
  readonly deviceClass: DeviceClass;
  /** What this device can do (may grow after the first successful open). */
  readonly capabilities: Capabilities;
  /** The current status. */
  readonly status: DeviceStatus;
  /** Statistics counters (persisted by the owner). */
  counters(): Readonly<Record<string, number>>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Unsubscribe;
  /** Connects and keeps connected; resolves with the status after the first attempt. */
  open(): Promise<DeviceStatus>;
  /** Disconnects; the device reports offline/closed. */
  close(): Promise<void>;
  /** Checks the device at `level`; never rejects. */
  checkHealth(level: HealthLevel, limits?: Partial<CommandLimits>): Promise<HealthReport>;
}
