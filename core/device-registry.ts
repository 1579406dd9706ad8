import type { DeviceStatus, DeviceStatusDelta } from '../contract/index.js';

type StatusFields = Omit<DeviceStatus, 'id' | 'deviceClass'>;

/**
 * The core's view of every configured device. Updates publish only the fields that changed
 * (XFS4IoT StatusChanged deltas); an update that changes nothing publishes nothing.
 */
export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceStatus>();

  constructor(private readonly onDelta: (delta: DeviceStatusDelta) => void) {}

  /** Adds a device with its initial status. */
  register(status: DeviceStatus): void {
    this.devices.set(status.id, { ...status });
  }

  /** Applies a status report; publishes the delta when something changed. */
  update(id: string, next: Partial<StatusFields>): void {
    const current = this.devices.get(id);
    if (!current) return;
    const changes: Partial<StatusFields> = {};
    for (const key of Object.keys(next) as (keyof StatusFields)[]) {
      if (next[key] !== current[key]) Object.assign(changes, { [key]: next[key] });
    }
    if (Object.keys(changes).length === 0) return;
    const updated = { ...current, ...changes };
    if (next.state === 'online' && !('reason' in next)) delete updated.reason;
    this.devices.set(id, updated);
    this.onDelta({ id, deviceClass: current.deviceClass, changes });
  }

  /** Every device's current status. */
  list(): DeviceStatus[] {
    return [...this.devices.values()].map((d) => ({ ...d }));
  }
}
