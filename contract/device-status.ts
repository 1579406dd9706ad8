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

/** Paper supply of a printer. */
export const PaperState = z.enum(['full', 'low', 'out', 'jammed']);
export type PaperState = z.infer<typeof PaperState>;

/** A cover that must be closed for the device to work. */
export const CoverState = z.enum(['closed', 'open']);
export type CoverState = z.infer<typeof CoverState>;

/** Cards left in a dispenser's stacker. */
export const StackerState = z.enum(['ok', 'low', 'empty']);
export type StackerState = z.infer<typeof StackerState>;

/** Fill level of a dispenser's capture bin. */
export const CaptureBinState = z.enum(['ok', 'high', 'full']);
export type CaptureBinState = z.infer<typeof CaptureBinState>;

/** Position of the card inside a dispenser. */
export const CardPosition = z.enum(['none', 'ready', 'gate']);
export type CardPosition = z.infer<typeof CardPosition>;

/** Paper in a document scanner's feeder. */
export const FeederState = z.enum(['loaded', 'empty']);
export type FeederState = z.infer<typeof FeederState>;

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
  /** Paper supply (printers): "low" fires before "out" so staff can refill in time. */
  paper: PaperState.optional(),
  /** Printer or dispenser cover. */
  cover: CoverState.optional(),
  /** Card stacker of a card dispenser: "low" fires before "empty". */
  stacker: StackerState.optional(),
  /** Capture (reject) bin of a card dispenser: "high" fires before "full". */
  captureBin: CaptureBinState.optional(),
  /** Where the dispenser's card is: none inside the transport, at the RF/read position, or at the gate. */
  cardPosition: CardPosition.optional(),
  /** Whether a finger is on the fingerprint sensor. */
  fingerPresent: z.boolean().optional(),
  /** Whether the document scanner's feeder holds paper. */
  feeder: FeederState.optional(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** The status fields other than the identity of the device. */
export type DeviceStatusFields = Omit<DeviceStatus, 'id' | 'deviceClass'>;

/** A delta of one device's status: only the fields that changed (plus id and class). */
export const DeviceStatusDelta = z.strictObject({
  /** The device whose status changed. */
  id: DeviceStatus.shape.id,
  /** Its device class. */
  deviceClass: DeviceClass,
  /** The changed fields only; `reason: null` means the reason was cleared. */
  changes: DeviceStatus.omit({ id: true, deviceClass: true, reason: true }).partial().extend({
    /** The new reason, or null when there no longer is one. */
    reason: DeviceStatus.shape.reason.unwrap().nullable().optional(),
  }),
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
