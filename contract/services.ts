import { z } from 'zod';

/** The citizen services a kiosk offers. */
export const SERVICE_IDS = ['printProof', 'collectIdCard', 'scanDocuments'] as const;
export const ServiceId = z.enum(SERVICE_IDS);
export type ServiceId = z.infer<typeof ServiceId>;

/** Why a service cannot run now. */
export const ServiceUnavailableReason = z.enum([
  // A device it needs is not installed or its driver is not available on this kiosk.
  'deviceNotInstalled',
  // A device it needs is installed but not ready (offline, error, out of media).
  'deviceNotReady',
  // The central platform is needed and cannot be reached.
  'platformOffline',
  // An administrator disabled it.
  'disabled',
]);
export type ServiceUnavailableReason = z.infer<typeof ServiceUnavailableReason>;

/** Whether one service can run now, derived by the core from device states. */
export const ServiceAvailability = z.strictObject({
  /** The service. */
  service: ServiceId,
  /** True when a citizen can start it now. */
  available: z.boolean(),
  /** Why not, when unavailable. */
  reason: ServiceUnavailableReason.optional(),
});
export type ServiceAvailability = z.infer<typeof ServiceAvailability>;
