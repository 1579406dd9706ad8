import type { DeviceStatus } from '../../contract/index.js';
import type { CommandLimits } from '../device/device-command.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities } from '../device/kiosk-device.js';

/*
 * The seam for certified ID-card fingerprint modules (GA/T 1012). Those modules compare a live
 * finger with the templates read from the ID card's chip, which the ZFM / R30x / AS608 family
 * cannot do (its template format is the module vendor's own, §2.6). Their SDKs are Windows DLLs
 * or local vendor HTTP/WebSocket services, so an implementation runs them out of process and
 * talks to them over JSON lines or the vendor's socket; see docs/devices/fingerprint-vendor-bridge.md.
 */

/** One fingerprint template read from the ID card chip (GA/T 1012, usually 512 bytes). BIOMETRIC DATA. */
export interface CardFingerTemplate {
  /** Finger position code as the card stores it (e.g. 11 = right thumb), when known. */
  readonly fingerPosition?: number;
  /** The template bytes, exactly as read from the card. */
  readonly template: Uint8Array;
}

/** The answer of a card-template verification. */
export interface CardFingerVerification {
  /** True when the live finger matches one of the card's templates at the module's threshold. */
  readonly matched: boolean;
  /** Index into the templates given, of the one that matched; undefined on no match. */
  readonly matchedIndex?: number;
  /** The vendor's score, for operational statistics only (never logged with a person). */
  readonly score?: number;
}

/** Events a bridge raises while it works (the same prompts as FingerprintScanner). */
export interface FingerprintBridgeEvents {
  /** Ask the person to place a finger (attempt n of m). */
  presentFinger: { readonly attempt: number; readonly attempts: number };
  /** A finger is on the sensor. */
  fingerDetected: { readonly attempt: number; readonly attempts: number };
  /** Ask the person to lift the finger. */
  liftFinger: { readonly attempt: number; readonly attempts: number };
}

/**
 * A certified ID-card fingerprint module behind a vendor SDK, out of process. Every method
 * resolves (never rejects); failures are typed DeviceFailures, with `code` from the vendor
 * mapped to the kiosk's codes (noFinger, noMatch, timeOut, cancelled, vendorCrashed, …).
 */
export interface FingerprintBridge {
  /** Starts the helper process or connects to the vendor service, then opens the module. */
  open(limits: CommandLimits): Promise<DeviceResult<Capabilities>>;
  /** Closes the module and stops the helper; safe to call more than once. */
  close(): Promise<void>;
  /** The current status (deviceClass fingerprintScanner); offline while the helper is down. */
  status(): DeviceStatus;
  /** Subscribes to a prompt event; returns the function that unsubscribes. */
  on<K extends keyof FingerprintBridgeEvents>(
    event: K,
    listener: (payload: FingerprintBridgeEvents[K]) => void,
  ): () => void;
  /** Captures a live finger and compares it, in the certified module, with the card's templates. */
  verifyAgainstCardTemplates(
    cardTemplates: readonly CardFingerTemplate[],
    limits: CommandLimits,
  ): Promise<DeviceResult<CardFingerVerification>>;
  /** Captures a live finger; the vendor's feature bytes, held in memory only. BIOMETRIC DATA. */
  capture(limits: CommandLimits): Promise<DeviceResult<Uint8Array>>;
  /** Zero-fills biometric data held on the host side and asks the helper to do the same. */
  clearBiometrics(): Promise<void>;
}
