import type { DeviceStatus, DeviceStatusDelta, DeviceStatusFields } from '../contract/index.js';

/**
 * The core's view of every configured device. Updates publish only the fields that changed
 * (XFS4IoT StatusChanged deltas); an update that changes nothing publishes nothing. A device
 * reports its whole status, so a field it no longer reports is gone: a vanished `reason` is
 * published as `reason: null`.
 */
export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceStatus>();

  constructor(private readonly onDelta: (delta: DeviceStatusDelta) => void) {}

  /** Adds a device with its initial status. */
  register(status: DeviceStatus): void {
    this.devices.set(status.id, { ...status });
  }

  /** Applies a device's full status; publishes the delta when something changed. */
  update(id: string, next: DeviceStatusFields): void {
    const current = this.devices.get(id);
    if (!current) return;
    const changes: DeviceStatusDelta['changes'] = {};
    for (const key of Object.keys(next) as (keyof DeviceStatusFields)[]) {
      if (next[key] !== current[key]) Object.assign(changes, { [key]: next[key] });
    }
    if (current.reason !== undefined && next.reason === undefined) changes.reason = null;
    if (Object.keys(changes).length === 0) return;
    const updated: DeviceStatus = { ...current, ...next, id, deviceClass: current.deviceClass };
    if (next.reason === undefined) delete updated.reason;
    this.devices.set(id, updated);
    this.onDelta({ id, deviceClass: current.deviceClass, changes });
  }

  /** Every device's current status. */
  list(): DeviceStatus[] {
    return [...this.devices.values()].map((d) => ({ ...d }));
  }
}
