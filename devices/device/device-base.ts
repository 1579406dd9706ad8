import type { DeviceClass, DeviceError, DeviceStatus } from '../../contract/index.js';
import { StatusTracker } from '../util/status-tracker.js';
import type { StatusSink } from '../util/status-tracker.js';
import { TypedEmitter } from '../util/typed-emitter.js';
import type { Listener, Unsubscribe } from '../util/typed-emitter.js';
import type { CommandLimits } from './device-command.js';
import type { DeviceCounters } from './device-counters.js';
import type {
  Capabilities,
  CommonDeviceEvents,
  HealthLevel,
  HealthReport,
  KioskDevice,
} from './kiosk-device.js';

/** Details of a log event written by the base (all strings). */
export type BaseLogDetail = Readonly<Record<string, string>>;

/** What a DeviceBase needs from its class. */
export interface DeviceBaseSetup {
  /** The status before `open()`; gives the device's id and class. */
  readonly initial: DeviceStatus;
  /** Statistics counters (persisted by the owner). */
  readonly counters: DeviceCounters;
  /** Prefix of the base's log events: `<prefix>.problem` and `<prefix>.listenerError`. */
  readonly logPrefix: string;
  /** Where the base's log events go (the class's own logger). */
  readonly log: (event: string, detail: BaseLogDetail) => void;
  /** Builds the tracker (default a plain StatusTracker), e.g. one that maps some problems. */
  readonly tracker?: (initial: DeviceStatus, sink: StatusSink) => StatusTracker;
  /** Details logged for a new problem (default its state and reason). */
  readonly problemDetail?: (error: DeviceError, status: DeviceStatus) => BaseLogDetail;
  /** Details logged when a listener throws (default its message). */
  readonly listenerErrorDetail?: (error: unknown) => BaseLogDetail;
}

/**
 * The part every device class shares: id, events (a listener that throws is logged, never
 * rethrown), a StatusTracker whose changes become `status` events and whose new problems are
 * logged and become `error` events, and the counters. Connecting, capabilities and health
 * checks stay with each class.
 */
export abstract class DeviceBase<Events extends CommonDeviceEvents> implements KioskDevice<Events> {
  /** Stable device id from configuration. */
  readonly id: string;
  /** The device class it implements. */
  abstract readonly deviceClass: DeviceClass;
  /** What this device can do. */
  abstract readonly capabilities: Capabilities;
  /** The class's events; `status` and `error` come from the tracker. */
  protected readonly events: TypedEmitter<Events>;
  /** The device's status; publishes through `events`. */
  protected readonly tracker: StatusTracker;
  /** Statistics counters. */
  protected readonly stats: DeviceCounters;

  protected constructor(setup: DeviceBaseSetup) {
    const { initial, log, logPrefix } = setup;
    this.id = initial.id;
    this.stats = setup.counters;
    const listenerErrorDetail = setup.listenerErrorDetail ?? defaultListenerErrorDetail;
    const problemDetail = setup.problemDetail ?? defaultProblemDetail;
    this.events = new TypedEmitter<Events>((error) =>
      log(`${logPrefix}.listenerError`, listenerErrorDetail(error)),
    );
    // Events extends CommonDeviceEvents, so these payloads are exactly the events' types.
    const sink: StatusSink = {
      status: (status) => this.events.emit('status', status as Events['status']),
      error: (error) => {
        log(`${logPrefix}.problem`, problemDetail(error, this.tracker.status));
        this.events.emit('error', error as Events['error']);
      },
    };
    this.tracker = setup.tracker?.(initial, sink) ?? new StatusTracker(initial, sink);
  }

  /** The current status. */
  get status(): DeviceStatus {
    return this.tracker.status;
  }

  /** Statistics counters now. */
  counters(): Readonly<Record<string, number>> {
    return this.stats.snapshot();
  }

  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** Connects and keeps connected; resolves with the status after the first attempt. */
  abstract open(): Promise<DeviceStatus>;

  /** Disconnects; the device reports offline/closed. */
  abstract close(): Promise<void>;

  /** Checks the device at `level`; never rejects. */
  abstract checkHealth(level: HealthLevel, limits?: Partial<CommandLimits>): Promise<HealthReport>;
}

/**
 * Turns an entry logger (`{ event, detail }`) into `(event, detail)`; a logger that throws is
 * ignored, so that it never stops a device.
 */
export function safeLog<D>(
  log: (entry: { readonly event: string; readonly detail?: D }) => void,
): (event: string, detail?: D) => void {
  return (event, detail) => {
    try {
      log({ event, ...(detail !== undefined ? { detail } : {}) });
    } catch {
      // A failing logger must not stop the device.
    }
  };
}

function defaultListenerErrorDetail(error: unknown): BaseLogDetail {
  return { message: String(error) };
}

function defaultProblemDetail(error: DeviceError, status: DeviceStatus): BaseLogDetail {
  return { state: status.state, reason: error.errorCode };
}
