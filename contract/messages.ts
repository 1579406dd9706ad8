import { z } from 'zod';
import { deviceCommands } from './device-commands.js';
import { applicationCommands } from './application-commands.js';
import { Catalogue } from './platform-api.js';
import { printCommands, printEvents } from './print-commands.js';
import { syncCommands, syncEvents } from './sync-commands.js';
import { DeviceError, DeviceStatus, DeviceStatusDelta, ErrorAction } from './device-status.js';
import { MaskedIdentity } from './identity.js';
import { ServiceAvailability } from './services.js';
import { RequestId } from './envelope.js';

/** Why a citizen session ended. */
export const SessionEndReason = z.enum([
  // The "still there?" countdown ran out.
  'idleTimeout',
  // The citizen pressed "finish" / "back to home".
  'citizenFinished',
  // The renderer (re)connected and asked for a clean start.
  'reset',
]);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

/** The current citizen session, as the renderer may see it. */
export const SessionState = z.strictObject({
  /** True while a person is identified at the kiosk. */
  active: z.boolean(),
  /** Masked identity of that person, while active. */
  identity: MaskedIdentity.optional(),
});
export type SessionState = z.infer<typeof SessionState>;

/** Timeouts of the citizen screens, set by the hall in the core's configuration. */
export const UiTimeouts = z.strictObject({
  /** Inactivity, in ms, before the "still there?" countdown appears. */
  idleMs: z.number().int().min(1_000).max(3_600_000),
  /** Length of the "still there?" countdown, in ms, before the kiosk returns home. */
  countdownMs: z.number().int().min(1_000).max(600_000),
});
export type UiTimeouts = z.infer<typeof UiTimeouts>;

/** The camera the renderer opens for photos (the kiosk's face camera). */
export const CameraSettings = z.strictObject({
  /** A substring of the camera's label to pick it (e.g. "USB2.0 HD"); the first camera if absent. */
  labelContains: z.string().min(1).max(128).optional(),
  /** Requested capture width in pixels. */
  width: z.number().int().min(160).max(4096),
  /** Requested capture height in pixels. */
  height: z.number().int().min(120).max(4096),
});
export type CameraSettings = z.infer<typeof CameraSettings>;

/** A snapshot of everything the home screen needs. */
export const KioskState = z.strictObject({
  /** This kiosk's id, from configuration (shown small, for staff). */
  kioskId: z.string().min(1).max(64),
  /** Which citizen services can run now. */
  services: z.array(ServiceAvailability),
  /** Status of every configured device. */
  devices: z.array(DeviceStatus),
  /** The current citizen session. */
  session: SessionState,
  /** Timeouts of the citizen screens. */
  uiTimeouts: UiTimeouts,
  /** Which camera the renderer opens, when one is configured. */
  camera: CameraSettings.optional(),
  /** The platform's service catalogue (live or cached), once the kiosk has one. */
  catalogue: Catalogue.optional(),
});
export type KioskState = z.infer<typeof KioskState>;

const Empty = z.strictObject({});

/**
 * Every command the core accepts: its payload, its completion payload on success, and the events
 * it may send while in flight. Adding a command here is the whole of its contract.
 */
export const commands = {
  'Kiosk.GetState': {
    payload: Empty,
    completion: KioskState,
    events: {},
  },
  'Session.End': {
    payload: z.strictObject({
      /** Why the renderer ends the session. */
      reason: SessionEndReason,
    }),
    completion: Empty,
    events: {},
  },
  'Common.Cancel': {
    payload: z.strictObject({
      /** Requests to cancel; all of this connection's requests when absent. */
      requestIds: z.array(RequestId).max(100).optional(),
    }),
    completion: Empty,
    events: {},
  },
  ...deviceCommands,
  ...printCommands,
  ...syncCommands,
  ...applicationCommands,
} as const satisfies Record<
  string,
  { payload: z.ZodType; completion: z.ZodType; events: Record<string, z.ZodType> }
>;

/** Every unsolicited event the core broadcasts. */
export const unsolicitedEvents = {
  /** Service availability changed (full list). */
  'Kiosk.ServicesChanged': z.strictObject({
    /** Availability of every service. */
    services: z.array(ServiceAvailability),
  }),
  /** The platform's catalogue changed (new version fetched, or first read from the cache). */
  'Kiosk.CatalogueChanged': z.strictObject({
    /** The catalogue now in force. */
    catalogue: Catalogue,
  }),
  /** A device's status changed (delta). */
  'Device.StatusChanged': DeviceStatusDelta,
  /** A device reported an error. */
  'Device.Error': DeviceError,
  /** A card was read: a citizen session starts with this masked identity. */
  'IdCard.CardInserted': z.strictObject({
    /** Who tapped, masked. */
    identity: MaskedIdentity,
  }),
  /**
   * The reader no longer answers for the card. Informational: it does not end the session, because
   * a SAM reader stops answering for a card once read, even while it still lies on the reader.
   */
  'IdCard.CardRemoved': Empty,
  /** A card was in the field but could not be read or was not valid. */
  'IdCard.ReadFailed': z.strictObject({
    /** Machine-readable cause, e.g. "invalidIdNumber", "readFailed", "unknownCardType". */
    errorCode: z.string().min(1).max(64),
    /** What the citizen or staff should do. */
    action: ErrorAction,
  }),
  /** The citizen session ended; the renderer must drop every trace of the person. */
  'Session.Ended': z.strictObject({
    /** Why it ended. */
    reason: SessionEndReason,
  }),
  ...printEvents,
  ...syncEvents,
} as const satisfies Record<string, z.ZodType>;

/** Names of commands. */
export type CommandName = keyof typeof commands;
/** Payload a client sends with command N. */
export type CommandPayload<N extends CommandName> = z.input<(typeof commands)[N]['payload']>;
/** Payload of command N's successful completion. */
export type CompletionPayload<N extends CommandName> = z.output<(typeof commands)[N]['completion']>;
/** Names of unsolicited events. */
export type UnsolicitedName = keyof typeof unsolicitedEvents;
/** Payload of unsolicited event N. */
export type UnsolicitedPayload<N extends UnsolicitedName> = z.output<(typeof unsolicitedEvents)[N]>;

/** True when `name` is a command the core knows. */
export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

/** True when `name` is an unsolicited event the core sends. */
export function isUnsolicitedName(name: string): name is UnsolicitedName {
  return Object.prototype.hasOwnProperty.call(unsolicitedEvents, name);
}
