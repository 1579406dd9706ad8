import { AIM_ID_LENGTH, readAimId } from './aim-symbology.js';
import { decodeScanText } from './scan-text.js';
import type { DecodedScan, ScanEncoding } from './scan-text.js';

/**
 * Where the fields of a HID POS (usage page 0x8C) input report are, as hidapi delivers it:
 * with numbered reports the report ID is byte 0 and every offset counts it.
 */
export interface HidPosLayout {
  /** Report ID expected in byte 0; undefined for unnumbered reports (no ID byte). */
  readonly reportId?: number;
  /** Offset of the count of data bytes in this report. */
  readonly lengthOffset: number;
  /** Offset of the 3 AIM symbology identifier bytes, if the layout carries them. */
  readonly aimOffset?: number;
  /** Offset of the first data byte. */
  readonly dataOffset: number;
  /** Most data bytes one report may carry. */
  readonly maxDataBytes: number;
  /** The "more reports follow for this scan" flag: byte offset and bit mask. */
  readonly continuation?: { readonly offset: number; readonly mask: number };
  /** Offset of a vendor code-ID byte (Honeywell: 's' = QR), if any. */
  readonly vendorCodeOffset?: number;
}

/** Honeywell's 64-byte report: 02, count, AIM ×3, 56 data bytes, code ID, 0, more-flag. */
export const HONEYWELL_HID_POS_LAYOUT: HidPosLayout = {
  reportId: 2,
  lengthOffset: 1,
  aimOffset: 2,
  dataOffset: 5,
  maxDataBytes: 56,
  vendorCodeOffset: 61,
  continuation: { offset: 63, mask: 0x01 },
};

/** The generic 62-byte descriptor: 02, count, AIM ×3, 56 data bytes, flags (bit 0 = continued). */
export const GENERIC_HID_POS_LAYOUT: HidPosLayout = {
  reportId: 2,
  lengthOffset: 1,
  aimOffset: 2,
  dataOffset: 5,
  maxDataBytes: 56,
  continuation: { offset: 61, mask: 0x01 },
};

/** The same layout without the report ID byte (unnumbered reports, or a stack that strips it). */
export function withoutReportId(layout: HidPosLayout): HidPosLayout {
  const { reportId: _, aimOffset, vendorCodeOffset, continuation, ...rest } = layout;
  return {
    ...rest,
    lengthOffset: layout.lengthOffset - 1,
    dataOffset: layout.dataOffset - 1,
    ...(aimOffset !== undefined ? { aimOffset: aimOffset - 1 } : {}),
    ...(vendorCodeOffset !== undefined ? { vendorCodeOffset: vendorCodeOffset - 1 } : {}),
    ...(continuation !== undefined
      ? { continuation: { ...continuation, offset: continuation.offset - 1 } }
      : {}),
  };
}

/** A scan assembled from HID POS reports. PERSONAL DATA in `text`. */
export interface HidPosScan extends DecodedScan {
  /** The vendor code-ID byte of the first report, when the layout has one and it is set. */
  readonly vendorCode?: number;
}

/** Why a HID POS report did not become (part of) a scan. */
export type HidPosError =
  | {
      /** A report with another ID (not a barcode input report); ignored. */
      readonly code: 'otherReport';
      /** Its report ID. */
      readonly reportId: number;
    }
  | {
      /** shortReport: shorter than the layout; badLength: count beyond the report or the layout. */
      readonly code: 'shortReport' | 'badLength';
      /** The report's length in bytes. */
      readonly length: number;
    }
  | {
      /** overlongScan: the assembled scan passed the cap; incompleteScan: continued, never finished. */
      readonly code: 'overlongScan' | 'incompleteScan';
      /** Bytes dropped. */
      readonly discarded: number;
    }
  | {
      /** The data is not valid in the configured encoding. */
      readonly code: 'badEncoding';
      /** Length of the data in bytes. */
      readonly byteLength: number;
    };

/** One result of the assembler: a scan or a typed error. */
export type HidPosItem =
  | {
      /** A scan. */
      readonly kind: 'scan';
      /** The scan. */
      readonly scan: HidPosScan;
    }
  | {
      /** A report that did not make a scan. */
      readonly kind: 'error';
      /** Why. */
      readonly error: HidPosError;
    };

/** Options of the HID POS assembler. */
export interface HidPosOptions {
  /** Report layout. Default HONEYWELL_HID_POS_LAYOUT. */
  readonly layout?: HidPosLayout;
  /** Encoding of the data. Default 'utf-8'. */
  readonly encoding?: ScanEncoding;
  /** Longest accepted scan in bytes, over all its reports. Default 4096. */
  readonly maxScanBytes?: number;
}

/**
 * Turns HID POS input reports (one `data` event each) into scans, joining multi-report symbols
 * by the continuation flag. Pure; the owner calls `idle()` when a continued scan went quiet.
 * A malformed report drops the scan it belonged to. Never throws.
 */
export class HidPosAssembler {
  private readonly layout: HidPosLayout;
  private readonly encoding: ScanEncoding;
  private readonly maxScanBytes: number;
  private readonly minLength: number;
  private parts: Uint8Array[] = [];
  private total = 0;
  private first: Uint8Array | undefined;
  private overlong = false;

  constructor(options: HidPosOptions = {}) {
    this.layout = options.layout ?? HONEYWELL_HID_POS_LAYOUT;
    this.encoding = options.encoding ?? 'utf-8';
    this.maxScanBytes = options.maxScanBytes ?? 4096;
    const { lengthOffset, aimOffset, dataOffset, continuation, vendorCodeOffset } = this.layout;
    this.minLength =
      1 +
      Math.max(
        lengthOffset,
        dataOffset - 1,
        aimOffset !== undefined ? aimOffset + AIM_ID_LENGTH - 1 : 0,
        continuation?.offset ?? 0,
        vendorCodeOffset ?? 0,
      );
  }

  /** Data bytes held for a scan still being continued. */
  get pendingBytes(): number {
    return this.total;
  }

  /** Drops a scan in progress. */
  reset(): void {
    this.parts = [];
    this.total = 0;
    this.first = undefined;
    this.overlong = false;
  }

  /** Feeds one input report; returns the scan or error it completes, if any. */
  push(report: Uint8Array): HidPosItem[] {
    const { reportId, lengthOffset, dataOffset, maxDataBytes, continuation } = this.layout;
    if (reportId !== undefined && report[0] !== reportId) {
      return [{ kind: 'error', error: { code: 'otherReport', reportId: report[0] ?? -1 } }];
    }
    if (report.length < this.minLength) return this.broken('shortReport', report.length);
    const count = report[lengthOffset] ?? 0;
    if (count > maxDataBytes || dataOffset + count > report.length) {
      return this.broken('badLength', report.length);
    }
    const more =
      continuation !== undefined && ((report[continuation.offset] ?? 0) & continuation.mask) !== 0;
    if (this.overlong) {
      if (!more) this.reset();
      return [];
    }
    if (this.total + count > this.maxScanBytes) {
      const discarded = this.total + count;
      this.reset();
      this.overlong = more;
      return [{ kind: 'error', error: { code: 'overlongScan', discarded } }];
    }
    this.first ??= report.slice(0, this.minLength);
    this.parts.push(report.slice(dataOffset, dataOffset + count));
    this.total += count;
    return more ? [] : this.complete();
  }

  /** The reports stopped: a continued scan in progress is `incompleteScan`. */
  idle(): HidPosItem[] {
    const out: HidPosItem[] =
      this.parts.length > 0 && !this.overlong
        ? [{ kind: 'error', error: { code: 'incompleteScan', discarded: this.total } }]
        : [];
    this.reset();
    return out;
  }

  private broken(code: 'shortReport' | 'badLength', length: number): HidPosItem[] {
    this.reset();
    return [{ kind: 'error', error: { code, length } }];
  }

  private complete(): HidPosItem[] {
    const first = this.first ?? new Uint8Array(0);
    const data = new Uint8Array(Buffer.concat(this.parts));
    this.reset();
    if (data.length === 0) return [];
    const { aimOffset, vendorCodeOffset } = this.layout;
    const aimId = aimOffset !== undefined ? readAimId(first, aimOffset) : undefined;
    const vendorCode = vendorCodeOffset !== undefined ? first[vendorCodeOffset] : undefined;
    const text = decodeScanText(data, this.encoding);
    if (!text.ok)
      return [{ kind: 'error', error: { code: 'badEncoding', byteLength: data.length } }];
    const scan: HidPosScan = {
      text: text.text,
      byteLength: data.length,
      ...(aimId !== undefined ? { aimId } : {}),
      ...(vendorCode ? { vendorCode } : {}),
    };
    return [{ kind: 'scan', scan }];
  }
}

/** Builds the input reports a scanner with `layout` sends for one scan (simulators and tests). */
export function encodeHidPosReports(
  data: Uint8Array,
  layout: HidPosLayout,
  aimId = '',
  reportLength = 64,
): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < data.length; at += layout.maxDataBytes) {
    const chunk = data.subarray(at, at + layout.maxDataBytes);
    const report = new Uint8Array(reportLength);
    if (layout.reportId !== undefined) report[0] = layout.reportId;
    report[layout.lengthOffset] = chunk.length;
    if (layout.aimOffset !== undefined) {
      for (let i = 0; i < Math.min(aimId.length, AIM_ID_LENGTH); i++)
        report[layout.aimOffset + i] = aimId.charCodeAt(i);
    }
    report.set(chunk, layout.dataOffset);
    const more = at + layout.maxDataBytes < data.length;
    if (more && layout.continuation) report[layout.continuation.offset] = layout.continuation.mask;
    reports.push(report);
  }
  return reports;
}
