import { AIM_ID_LENGTH, readAimId } from './aim-symbology.js';
import { decodeScanText } from './scan-text.js';
import type { DecodedScan, ScanEncoding } from './scan-text.js';

/** What ends one scan on a serial scanner ('none' = only a pause in the stream does). */
export type ScanSuffix = 'cr' | 'lf' | 'crlf' | 'tab' | 'none';

/** How a serial scanner frames its scans: `[prefix][AIM id]data[suffix]`. */
export interface ScanLineOptions {
  /** Suffix the scanner sends after each scan. Default 'cr'. */
  readonly suffix?: ScanSuffix;
  /** Bytes the scanner sends before each scan (e.g. STX); default none. */
  readonly prefix?: Uint8Array;
  /** The scanner sends an AIM symbology identifier (]Q1, ]C0, …) before the data. Default false. */
  readonly aimIds?: boolean;
  /** Encoding of the data. Default 'utf-8'. */
  readonly encoding?: ScanEncoding;
  /** Longest accepted scan data in bytes; longer is `overlongScan`. Default 4096. */
  readonly maxScanBytes?: number;
}

/** Why bytes from a scanner did not become a scan. */
export type ScanLineError =
  | {
      /** Longer than the cap: a runaway stream or a wrong suffix; bytes are dropped until the next end. */
      readonly code: 'overlongScan';
      /** Bytes dropped when the error was raised. */
      readonly discarded: number;
    }
  | {
      /** The data is not valid in the configured encoding. */
      readonly code: 'badEncoding';
      /** Length of the data in bytes. */
      readonly byteLength: number;
    }
  | {
      /** incompleteScan: the line went quiet before the suffix; noise: control bytes only; missingPrefix: no prefix. */
      readonly code: 'incompleteScan' | 'noise' | 'missingPrefix';
      /** Bytes dropped. */
      readonly discarded: number;
    };

/** One result of the decoder: a scan or a typed error. */
export type ScanLineItem =
  | {
      /** A scan. */
      readonly kind: 'scan';
      /** The scan. */
      readonly scan: DecodedScan;
    }
  | {
      /** Bytes that did not make a scan. */
      readonly kind: 'error';
      /** Why. */
      readonly error: ScanLineError;
    };

const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;

/**
 * Splits a serial scanner's byte stream into scans. Pure: bytes in, items out, no timers; the
 * owner calls `idle()` when the line has been quiet (the end of a scan in 'none' mode, a lost
 * suffix otherwise). 'cr' and 'lf' both accept CR, LF or CR LF as the end, because the factory
 * suffix varies by model and a mismatch must not lose scans; 'crlf' and 'tab' are strict (data
 * may hold lone CR/LF). Never throws and never holds more than one capped scan.
 */
export class ScanLineDecoder {
  private readonly suffix: ScanSuffix;
  private readonly prefix: Uint8Array;
  private readonly aimIds: boolean;
  private readonly encoding: ScanEncoding;
  private readonly cap: number;
  private readonly line: Uint8Array;
  private length = 0;
  private overlong = false;
  private afterCr = false;

  constructor(options: ScanLineOptions = {}) {
    this.suffix = options.suffix ?? 'cr';
    this.prefix = options.prefix ?? new Uint8Array(0);
    this.aimIds = options.aimIds ?? false;
    this.encoding = options.encoding ?? 'utf-8';
    // The line holds prefix, AIM id, data and, in 'crlf' mode, the CR until its LF arrives.
    const extra = this.prefix.length + (this.aimIds ? AIM_ID_LENGTH : 0);
    this.cap = (options.maxScanBytes ?? 4096) + extra + (this.suffix === 'crlf' ? 1 : 0);
    this.line = new Uint8Array(this.cap);
  }

  /** Bytes held: the scan in progress. */
  get pendingBytes(): number {
    return this.length;
  }

  /** Drops the scan in progress (e.g. after the port was reopened). */
  reset(): void {
    this.length = 0;
    this.overlong = false;
    this.afterCr = false;
  }

  /** Feeds bytes; returns the scans and errors they complete, in order. */
  push(bytes: Uint8Array): ScanLineItem[] {
    const out: ScanLineItem[] = [];
    for (const byte of bytes) {
      const lf = byte === LF;
      const ends = this.endsLine(byte);
      this.afterCr = byte === CR;
      if (ends) {
        this.endLine(out, lf);
        continue;
      }
      if (this.overlong) continue;
      if (this.length === this.cap) {
        out.push({ kind: 'error', error: { code: 'overlongScan', discarded: this.length + 1 } });
        this.length = 0;
        this.overlong = true;
        continue;
      }
      this.line[this.length++] = byte;
    }
    return out;
  }

  /** The line has been quiet: ends a suffix-less scan, or reports a partial one. */
  idle(): ScanLineItem[] {
    const out: ScanLineItem[] = [];
    if (!this.overlong && this.length > 0) {
      if (this.suffix === 'none') this.complete(out);
      else
        out.push(
          this.dropped(isNoise(this.line.subarray(0, this.length)) ? 'noise' : 'incompleteScan'),
        );
    }
    this.reset();
    return out;
  }

  private endsLine(byte: number): boolean {
    switch (this.suffix) {
      case 'cr':
      case 'lf':
        return byte === CR || byte === LF;
      case 'crlf':
        return byte === LF && this.afterCr;
      case 'tab':
        return byte === TAB;
      case 'none':
        return false;
    }
  }

  private endLine(out: ScanLineItem[], lf: boolean): void {
    if (this.suffix === 'crlf' && lf && this.length > 0) this.length--; // drop the CR
    if (!this.overlong && this.length > 0) this.complete(out);
    this.length = 0;
    this.overlong = false;
  }

  private complete(out: ScanLineItem[]): void {
    const line = this.line.subarray(0, this.length);
    if (isNoise(line)) {
      out.push(this.dropped('noise'));
      return;
    }
    let at = 0;
    if (this.prefix.length > 0) {
      at = indexOf(line, this.prefix);
      if (at < 0) {
        out.push(this.dropped('missingPrefix'));
        return;
      }
      if (at > 0) out.push({ kind: 'error', error: { code: 'noise', discarded: at } });
      at += this.prefix.length;
    }
    const aimId = this.aimIds ? readAimId(line, at) : undefined;
    if (aimId !== undefined) at += AIM_ID_LENGTH;
    const data = line.subarray(at);
    if (data.length === 0) return;
    const text = decodeScanText(data, this.encoding);
    out.push(
      text.ok
        ? {
            kind: 'scan',
            scan: { text: text.text, byteLength: data.length, ...(aimId ? { aimId } : {}) },
          }
        : { kind: 'error', error: { code: 'badEncoding', byteLength: data.length } },
    );
  }

  private dropped(code: 'incompleteScan' | 'noise' | 'missingPrefix'): ScanLineItem {
    return { kind: 'error', error: { code, discarded: this.length } };
  }
}

/** Only control bytes (and DEL/FF): line noise, not a scan that lost its end. */
function isNoise(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x20 || b === 0x7f || b === 0xff);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
