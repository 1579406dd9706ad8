import { z } from 'zod';
import { DeviceState, DeviceStatus } from './device-status.js';

/**
 * How deep a health check goes (UnifiedPOS checkHealth): internal = self-test without media,
 * external = moves or prints media, interactive = needs a person at the machine.
 */
export const HealthLevel = z.enum(['internal', 'external', 'interactive']);
export type HealthLevel = z.infer<typeof HealthLevel>;

/** The result of one device health check. */
export const HealthReport = z.strictObject({
  /** The level that was checked. */
  level: HealthLevel,
  /** True when the device passed. */
  ok: z.boolean(),
  /** "ok" or a machine-readable failure code. */
  code: z.string().min(1).max(64),
  /** Technician-facing summary (no personal data). */
  description: z.string().max(500),
});
export type HealthReport = z.infer<typeof HealthReport>;

/** One device's statistics counters (prints, cards dispensed, read errors, seconds online, …). */
export const DeviceCounterSet = z.strictObject({
  /** The device. */
  id: DeviceStatus.shape.id,
  /** Counter name → value, persisted across restarts. */
  counters: z.record(z.string().max(64), z.number().nonnegative()),
});
export type DeviceCounterSet = z.infer<typeof DeviceCounterSet>;

/** Commands about devices (technician console, renderer-owned devices). */
export const deviceCommands = {
  'Device.CheckHealth': {
    payload: z.strictObject({
      /** The device to check. */
      id: DeviceStatus.shape.id,
      /** How deep. */
      level: HealthLevel,
    }),
    completion: HealthReport,
    events: {},
  },
  'Device.GetCounters': {
    payload: z.strictObject({}),
    completion: z.strictObject({
      /** Every device's counters. */
      devices: z.array(DeviceCounterSet),
    }),
    events: {},
  },
  'Camera.ReportStatus': {
    payload: z.strictObject({
      /** The camera's state as the renderer found it (getUserMedia). */
      state: DeviceState,
      /** Why it is not online, e.g. "notFound", "permissionDenied", "inUse". */
      reason: z.string().min(1).max(64).optional(),
    }),
    completion: z.strictObject({}),
    events: {},
  },
} as const;
