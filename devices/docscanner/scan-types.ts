import type { DeviceFailure } from '../device/device-result.js';
import type { ImageFormat, ScanArea } from './scanimage-args.js';

/** What a caller may choose for one scan; unset fields take the device's configured defaults. */
export interface ScanOptions {
  /** Scan mode, e.g. "Color", "Gray", "Lineart" (one of capabilities.modes). */
  readonly mode?: string | undefined;
  /** Resolution in dpi. */
  readonly resolution?: number | undefined;
  /** Paper source (one of capabilities.sources); a batch defaults to the feeder. */
  readonly source?: string | undefined;
  /** Output format. */
  readonly format?: ImageFormat | undefined;
  /** Scan area in mm from the top-left corner. */
  readonly area?: ScanArea | undefined;
}

/** Options of `scanPage`. */
export interface ScanPageOptions extends ScanOptions {
  /** "file" (default): an image file in the scan's private directory; "memory": bytes only. */
  readonly destination?: 'file' | 'memory' | undefined;
}

/** Options of `scanBatch`. */
export interface ScanBatchOptions extends ScanOptions {
  /** Stop after this many pages (capped by the device's pageLimit). */
  readonly maxPages?: number | undefined;
}

/** One scanned page. PERSONAL DATA: never log `bytes` or the image behind `path`. */
export interface ScannedPage {
  /** The scan it belongs to; `discard(scanId)` deletes it. */
  readonly scanId: string;
  /** Page number in the scan, from 1. */
  readonly page: number;
  /** Image format. */
  readonly format: ImageFormat;
  /** The image file (destination "file"), inside a directory only this user can read. */
  readonly path?: string;
  /** The image bytes (destination "memory"). */
  readonly bytes?: Buffer;
  /** Size of the image in bytes. */
  readonly size: number;
  /** Width in pixels, when the header was readable. */
  readonly width?: number;
  /** Height in pixels, when the header was readable. */
  readonly height?: number;
}

/** A finished ADF batch. */
export interface ScannedBatch {
  /** The scan; `discard(scanId)` deletes every page. */
  readonly scanId: string;
  /** Pages in order. */
  readonly pages: readonly ScannedPage[];
}

/** A failed scan: the common failure plus the SANE status and, for a batch, what was kept. */
export interface ScanFailure extends DeviceFailure {
  /** The SANE_Status behind it, when scanimage reported one. */
  readonly saneStatus?: number;
  /** The scan whose pages were kept (a batch that failed after some pages). */
  readonly scanId?: string;
  /** Pages scanned before the failure; kept until `discard(scanId)`. */
  readonly pages?: readonly ScannedPage[];
  /** The page that was being scanned when the batch failed. */
  readonly failedPage?: number;
}

/** Progress of the running scan. */
export interface ScanProgressEvent {
  /** The scan. */
  readonly scanId: string;
  /** The page being scanned, from 1. */
  readonly page: number;
  /** Percent of that page. */
  readonly percent: number;
}
