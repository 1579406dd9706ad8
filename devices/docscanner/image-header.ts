import type { ImageFormat } from './scanimage-args.js';

/** Pixel size of an image read from its header. */
export interface ImageSize {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
}

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(data: Buffer): ImageSize | undefined {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

interface PnmHeader extends ImageSize {
  /** Bytes of the header, up to the first pixel byte. */
  readonly headerLength: number;
  /** Bytes of pixel data the header announces. */
  readonly dataLength: number;
}

/** Parses a binary PNM header (P4 bitmap, P5 graymap, P6 pixmap). */
export function pnmHeader(data: Buffer): PnmHeader | undefined {
  const head = data.toString('latin1', 0, Math.min(data.length, 512));
  const kind = head.slice(0, 2);
  if (kind !== 'P4' && kind !== 'P5' && kind !== 'P6') return undefined;
  const fields: number[] = [];
  let at = 2;
  const wanted = kind === 'P4' ? 2 : 3;
  while (fields.length < wanted && at < head.length) {
    const token = /^(?:\s|#[^\n]*\n)*(\d+)/.exec(head.slice(at));
    if (token === null) return undefined;
    fields.push(Number(token[1]));
    at += token[0].length;
  }
  const [width, height, maxValue = 1] = fields;
  if (width === undefined || height === undefined || fields.length < wanted) return undefined;
  const headerLength = at + 1; // one whitespace byte ends the header
  const sampleBytes = maxValue > 255 ? 2 : 1;
  const rowBytes =
    kind === 'P4' ? Math.ceil(width / 8) : width * sampleBytes * (kind === 'P6' ? 3 : 1);
  return { width, height, headerLength, dataLength: rowBytes * height };
}

function tiffSize(data: Buffer): ImageSize | undefined {
  if (data.length < 8) return undefined;
  const order = data.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const u16 = (at: number): number => (le ? data.readUInt16LE(at) : data.readUInt16BE(at));
  const u32 = (at: number): number => (le ? data.readUInt32LE(at) : data.readUInt32BE(at));
  if (u16(2) !== 42) return undefined;
  const ifd = u32(4);
  if (ifd + 2 > data.length) return undefined;
  let width: number | undefined;
  let height: number | undefined;
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > data.length) break;
    const tag = u16(entry);
    const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width !== undefined && height !== undefined ? { width, height } : undefined;
}

function jpegSize(data: Buffer): ImageSize | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1] ?? 0;
    const length = data.readUInt16BE(at + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Width and height from the start of an image file (the first 64 KiB suffice), if readable. */
export function imageSize(format: ImageFormat, data: Buffer): ImageSize | undefined {
  switch (format) {
    case 'png':
      return pngSize(data);
    case 'pnm': {
      const header = pnmHeader(data);
      return header && { width: header.width, height: header.height };
    }
    case 'tiff':
      return tiffSize(data);
    case 'jpeg':
      return jpegSize(data);
  }
}

/** What `imageComplete` looks at: the first bytes, the last bytes and the total size. */
export interface ImageSample {
  /** The first bytes (64 KiB suffice). */
  readonly head: Buffer;
  /** The last bytes (16 suffice). */
  readonly tail: Buffer;
  /** Total size in bytes. */
  readonly size: number;
}

/** The sample of an image held in memory. */
export function sampleOf(data: Buffer): ImageSample {
  return { head: data.subarray(0, 65_536), tail: data.subarray(-16), size: data.length };
}

/**
 * True when the whole image arrived: PNG ends with an IEND chunk, PNM holds the pixel bytes its
 * header announces, JPEG ends with EOI; TIFF only needs a readable header. A scanner that stops
 * sending (SANE EOF at the first read) makes scanimage exit 0 with a header-only PNM.
 */
export function imageComplete(format: ImageFormat, { head, tail, size }: ImageSample): boolean {
  if (imageSize(format, head) === undefined) return false;
  switch (format) {
    case 'png':
      return tail.includes('IEND', 0, 'latin1');
    case 'pnm': {
      const header = pnmHeader(head);
      return header !== undefined && size >= header.headerLength + header.dataLength;
    }
    case 'jpeg':
      return tail.at(-2) === 0xff && tail.at(-1) === 0xd9;
    case 'tiff':
      return true;
  }
}
