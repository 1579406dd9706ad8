import type { ErrorAction, ErrorKind } from '../../contract/index.js';
import type { SamReplyFields } from './sam-frame.js';

/*
 * Typed results of SAM commands and the pure parsing of reply data (§1.6, §1.9).
 */

const ADDRESS_ENTRY_BYTES = 70;

/** A failed SAM exchange. `code` is a SW3 name from sam-status.ts or a link-level code. */
export interface SamError {
  /** e.g. "timeout", "badChecksum", "transportClosed", "cardReadFailed", "samSelfTestFailed". */
  readonly code: string;
  /** Who or what caused it. */
  readonly kind: ErrorKind;
  /** What a person must do about it. */
  readonly action: ErrorAction;
  /** Technician-facing text (no personal data). */
  readonly description: string;
  /** The SW3 byte, when the reader answered with a failure code. */
  readonly sw3?: number;
}

/** An expected outcome of a SAM command: a value, or a typed error. Never thrown. */
export type SamResult<T> = { ok: true; value: T } | { ok: false; error: SamError };

/** The blocks of a successful read (§1.6), cut by their length fields. PERSONAL DATA. */
export interface CardReadout {
  /** The text block, normally 256 bytes (see text-block.ts). */
  readonly text: Uint8Array;
  /** The WLT-compressed photo, normally 1024 bytes. */
  readonly photo: Uint8Array;
  /** Fingerprint templates (0, 512 or 1024 bytes); only from readWithFingerprint. */
  readonly fingerprint?: Uint8Array;
}

/** The SAM module's identity (`12 FF`). */
export interface SamIdentity {
  /** Formatted as one library does [1]: d0.d2-u32-u32(9)-u32(9), e.g. "5.1-2010-000000001-…". */
  readonly formatted: string;
  /** The 16 raw data bytes. */
  readonly raw: Uint8Array;
}

export function fail(
  code: string,
  description: string,
  action: ErrorAction,
  kind: ErrorKind = 'hardware',
): { ok: false; error: SamError } {
  return { ok: false, error: { code, kind, action, description } };
}

export function map<T, U>(result: SamResult<T>, f: (value: T) => U): SamResult<U> {
  return result.ok ? { ok: true, value: f(result.value) } : result;
}

/** Cuts a read reply by its length fields (§1.6): 2 or 3 big-endian lengths, then the blocks. */
export function parseReadout(
  result: SamResult<SamReplyFields>,
  withFingerprint: boolean,
): SamResult<CardReadout> {
  if (!result.ok) return result;
  const data = result.value.data;
  const fields = withFingerprint ? 3 : 2;
  const lengths = Array.from(
    { length: fields },
    (_, i) => ((data[2 * i] ?? 0) << 8) | (data[2 * i + 1] ?? 0),
  );
  const [textLength = 0, photoLength = 0, fingerprintLength = 0] = lengths;
  const textAt = 2 * fields;
  const photoAt = textAt + textLength;
  const end = photoAt + photoLength + fingerprintLength;
  if (data.length < Math.max(textAt, end)) {
    return fail(
      'badReply',
      `read reply has ${data.length} data bytes, its length fields need ${end}`,
      'reset',
    );
  }
  const readout: CardReadout = {
    text: data.slice(textAt, photoAt),
    photo: data.slice(photoAt, photoAt + photoLength),
    ...(withFingerprint ? { fingerprint: data.slice(photoAt + photoLength, end) } : {}),
  };
  return { ok: true, value: readout };
}

export function formatSamId(data: Uint8Array): SamIdentity {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u32 = (offset: number): number =>
    data.length >= offset + 4 ? view.getUint32(offset, true) : 0;
  const pad9 = (n: number): string => String(n).padStart(9, '0');
  const formatted = `${data[0] ?? 0}.${data[2] ?? 0}-${u32(4)}-${pad9(u32(8))}-${pad9(u32(12))}`;
  return { formatted, raw: data.slice() };
}

export function decodeAddresses(data: Uint8Array): string[] {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries: string[] = [];
  for (let at = 0; at + 1 < data.length; at += ADDRESS_ENTRY_BYTES) {
    const entry = text.toString('utf16le', at, Math.min(at + ADDRESS_ENTRY_BYTES, data.length));
    const trimmed = entry.replace(/[\s\0]+$/u, '');
    if (trimmed !== '') entries.push(trimmed);
  }
  return entries;
}
