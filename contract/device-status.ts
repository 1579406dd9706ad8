import { z } from 'zod';

/** Every device class the kiosk knows (XFS4IoT / UnifiedPOS style). */
export const DEVICE_CLASSES = [
  'idCardReader',
  'fingerprintScanner',
  'receiptPrinter',
  'documentPrinter',
  'cardDispenser',
  'barcodeScanner',
  'documentScanner',
  'camera',
] as const;
export const DeviceClass = z.enum(DEVICE_CLASSES);
export type DeviceClass = z.infer<typeof DeviceClass>;

/** The common device state, the same for every class. */
export const DEVICE_STATES = [
  'online',
  'offline',
  'powerOff',
  'noDevice',
  'hardwareError',
  'userError',
  'busy',
  'starting',
] as const;
export const DeviceState = z.enum(DEVICE_STATES);
export type DeviceState = z.infer<typeof DeviceState>;

/** What a person must do about an error; drives citizen text, technician text and fleet alerts. */
export const ERROR_ACTIONS = [
  'reset',
  'clear',
  'maintenance',
  'configuration',
  'softwareError',
  'suspend',
] as const;
export const ErrorAction = z.enum(ERROR_ACTIONS);
export type ErrorAction = z.infer<typeof ErrorAction>;

/** Who or what caused an error. */
export const ErrorKind = z.enum(['hardware', 'software', 'user', 'fraud']);
export type ErrorKind = z.infer<typeof ErrorKind>;

/** Status of one device. Class-specific media and supply fields join as their drivers land. */
export const DeviceStatus = z.strictObject({
  /** Stable device id from configuration, e.g. "idCardReader". */
  id: z.string().min(1).max(64),
  /** Which device class this device implements. */
  deviceClass: DeviceClass,
  /** The common device state. */
  state: DeviceState,
  /** Machine-readable reason for a state other than online (e.g. "portNotFound", "notInstalled"). */
  reason: z.string().max(64).optional(),
  /** Whether a card is in the reader's field (idCardReader only). */
  cardPresent: z.boolean().optional(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** A delta of one device's status: only the fields that changed (plus id and class). */
export const DeviceStatusDelta = z.strictObject({
  /** The device whose status changed. */
  id: DeviceStatus.shape.id,
  /** Its device class. */
  deviceClass: DeviceClass,
  /** The changed fields only. */
  changes: DeviceStatus.omit({ id: true, deviceClass: true }).partial(),
});
export type DeviceStatusDelta = z.infer<typeof DeviceStatusDelta>;

/** An error a device reported, with the action that clears it. */
export const DeviceError = z.strictObject({
  /** The device that reported it. */
  id: DeviceStatus.shape.id,
  /** Its device class. */
  deviceClass: DeviceClass,
  /** Who or what caused it. */
  kind: ErrorKind,
  /** What a person must do about it. */
  action: ErrorAction,
  /** Class-specific machine-readable code, e.g. "samChecksumError". */
  errorCode: z.string().min(1).max(64),
  /** Technician-facing description (never shown to citizens, never holds personal data). */
  description: z.string().max(500),
});
export type DeviceError = z.infer<typeof DeviceError>;
