import type {
  DeviceError,
  DeviceState,
  DeviceStatus,
  HealthLevel,
  HealthReport,
} from '../contract/index.js';
import type {
  Capabilities,
  CommonDeviceEvents,
  DeviceCounters,
  KioskDevice,
  Listener,
  Unsubscribe,
} from '../devices/index.js';
import { TypedEmitter } from '../devices/index.js';

/** What a camera problem reported by the renderer means for staff. */
const CAMERA_REASONS: Record<string, Pick<DeviceError, 'kind' | 'action' | 'description'>> = {
  notFound: {
    kind: 'hardware',
    action: 'maintenance',
    description: 'no camera found (unplugged?)',
  },
  notMatched: {
    kind: 'software',
    action: 'configuration',
    description: 'no camera label contains the configured text',
  },
  permissionDenied: {
    kind: 'software',
    action: 'configuration',
    description: 'the browser refused camera access (kiosk flags or policy)',
  },
  inUse: {
    kind: 'hardware',
    action: 'reset',
    description: 'the camera is used by another program',
  },
  noRenderer: {
    kind: 'software',
    action: 'reset',
    description: 'no screen is connected to the core',
  },
};

/**
 * The kiosk's camera. The renderer owns it (getUserMedia runs in the page, so the photo never
 * crosses a process boundary it does not have to) and reports what it finds with
 * Camera.ReportStatus; this object makes it a device like the others for status, service
 * availability, counters and health.
 */
export class RendererCamera implements KioskDevice {
  /** Always 'camera'. */
  readonly deviceClass = 'camera' as const;
  /** Nothing to declare beyond what the renderer finds. */
  readonly capabilities: Capabilities = { rendererOwned: true };
  private current: DeviceStatus;
  // A listener that throws must not fail the renderer's Camera.ReportStatus command.
  private readonly events = new TypedEmitter<CommonDeviceEvents>();

  constructor(
    /** Device id from configuration. */
    readonly id: string,
    private readonly stats: DeviceCounters,
  ) {
    this.current = { id, deviceClass: 'camera', state: 'starting' };
  }

  /** The last reported status. */
  get status(): DeviceStatus {
    return this.current;
  }

  /** Statistics: reports, problems. */
  counters(): Readonly<Record<string, number>> {
    return this.stats.snapshot();
  }

  /** Subscribes to status or error. */
  on<K extends keyof CommonDeviceEvents>(
    event: K,
    listener: Listener<CommonDeviceEvents[K]>,
  ): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** Waits for the renderer's first report. */
  async open(): Promise<DeviceStatus> {
    return this.current;
  }

  /** Nothing to close: the renderer releases its stream itself. */
  async close(): Promise<void> {}

  /** The renderer's view; a live check would need the page (interactive). */
  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const ok = this.current.state === 'online';
    return {
      level,
      ok,
      code: ok ? 'ok' : (this.current.reason ?? this.current.state),
      description: ok
        ? 'the renderer opened the camera'
        : 'see the camera status reported by the renderer',
    };
  }

  /** Applies a report from the renderer (or `offline/noRenderer` when the last screen left). */
  report(state: DeviceState, reason?: string): void {
    const next: DeviceStatus = {
      id: this.id,
      deviceClass: 'camera',
      state,
      ...(state !== 'online' && reason !== undefined ? { reason } : {}),
    };
    if (next.state === this.current.state && next.reason === this.current.reason) return;
    this.current = next;
    this.stats.add(state === 'online' ? 'reportsOnline' : 'reportsProblem');
    this.events.emit('status', next);
    if (state !== 'online' && state !== 'starting') {
      const known = CAMERA_REASONS[reason ?? ''] ?? {
        kind: 'hardware',
        action: 'reset',
        description: `camera ${state}`,
      };
      const error: DeviceError = {
        id: this.id,
        deviceClass: 'camera',
        errorCode: reason ?? state,
        ...known,
      };
      this.events.emit('error', error);
    }
  }
}
