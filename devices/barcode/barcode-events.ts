import type { ErrorAction } from '../../contract/index.js';
import type { CommonDeviceEvents } from '../device/kiosk-device.js';

/** A scan delivered to the kiosk. PERSONAL DATA: `data` may be an e-licence token; never log it. */
export interface ScannedEvent {
  /** The scanned text. */
  readonly data: string;
  /** Symbology ("qr", "code128", … or the AIM identifier as sent), when the scanner told it. */
  readonly symbology?: string;
  /** How the scanner is attached. */
  readonly source: 'serial' | 'hid';
}

/** A scan attempt that could not be decoded (the flow may ask the citizen to scan again). */
export interface ScanFailedEvent {
  /** Machine-readable cause, e.g. "incompleteScan", "overlongScan", "badEncoding". */
  readonly errorCode: string;
  /** What to do: `clear` = scan again; `configuration` = the scanner's settings are wrong. */
  readonly action: ErrorAction;
}

/** Events of a BarcodeScanner. */
export interface BarcodeScannerEvents extends CommonDeviceEvents {
  /** A scan, while scanning is enabled. */
  scanned: ScannedEvent;
  /** Bytes from the scanner that did not make a scan. */
  scanFailed: ScanFailedEvent;
}
