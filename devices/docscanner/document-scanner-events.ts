import type { CommonDeviceEvents } from '../device/kiosk-device.js';
import type { ScannedPage, ScanProgressEvent } from './scan-types.js';

/** Events of a DocumentScanner. */
export interface DocumentScannerEvents extends CommonDeviceEvents {
  /** Progress of the running scan (page and percent). */
  progress: ScanProgressEvent;
  /** A batch page finished. PERSONAL DATA: the image is behind `path` / in `bytes`. */
  page: ScannedPage;
  /** A scan's images were deleted (discard or close) — the privacy "cleared" event. */
  discarded: {
    /** The scan that is gone. */
    readonly scanId: string;
  };
}
