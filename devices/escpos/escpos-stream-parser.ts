/**
 * Tokeniser for the host → printer ESC/POS stream (the printer's side of §3.1–3.6): splits bytes,
 * in any chunks, into text runs, control bytes and commands with their parameters and data.
 * Commands it does not know are skipped by their prefix (2 bytes), as printers do. Pure, no I/O;
 * never throws and never buffers more than `maxDataBytes` of one command's data.
 */

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const NUL_TERMINATED_MAX = 255;

/** One piece of the stream. */
export type EscPosToken =
  | {
      /** Printable bytes (≥ 0x20, and TAB), in the printer's current text encoding. */
      kind: 'text';
      /** The bytes. */
      bytes: Uint8Array;
    }
  | {
      /** A C0 control byte outside any command: LF, CR, FF, CAN, NUL … */
      kind: 'control';
      /** The byte. */
      byte: number;
    }
  | {
      /** A command: prefix, code and fixed parameters, then variable data if it has any. */
      kind: 'command';
      /** Prefix, code and parameter bytes, e.g. `1D 56 41 03`. */
      header: Uint8Array;
      /** Variable data (GS ( k, GS v 0, GS k …); undefined when it exceeded `maxDataBytes`. */
      data: Uint8Array | undefined;
      /** Length of the variable data as declared or found (0 for fixed commands). */
      dataLength: number;
    };

/** How a command's length is known once its header is complete. */
interface Shape {
  /** Header bytes, prefix included. */
  readonly header: number;
  /** Variable data length, or 'nul' for data ended by a NUL byte. */
  readonly data: number | 'nul';
}

/** Parameter counts of fixed-length commands after ESC / FS / GS + code. */
// prettier-ignore
const ESC_PARAMS: Readonly<Record<number, number>> = {
  0x20: 1, 0x21: 1, 0x24: 2, 0x25: 1, 0x2d: 1, 0x32: 0, 0x33: 1, 0x3c: 0, 0x3d: 1, 0x3f: 1,
  0x40: 0, 0x42: 2, 0x45: 1, 0x47: 1, 0x4a: 1, 0x4c: 0, 0x4d: 1, 0x52: 1, 0x53: 0, 0x54: 1,
  0x55: 1, 0x56: 1, 0x57: 8, 0x5c: 2, 0x61: 1, 0x63: 2, 0x64: 1, 0x65: 1, 0x66: 2, 0x69: 0,
  0x6d: 0, 0x70: 3, 0x72: 1, 0x74: 1, 0x75: 1, 0x76: 0, 0x7b: 1,
};
// prettier-ignore
const FS_PARAMS: Readonly<Record<number, number>> = {
  0x21: 1, 0x26: 0, 0x2d: 1, 0x2e: 0, 0x43: 1, 0x53: 2, 0x57: 1, 0x70: 2,
};
// prettier-ignore
const GS_PARAMS: Readonly<Record<number, number>> = {
  0x21: 1, 0x24: 2, 0x2f: 1, 0x3a: 0, 0x42: 1, 0x45: 1, 0x48: 1, 0x49: 1, 0x4c: 2, 0x50: 2,
  0x54: 1, 0x57: 2, 0x5c: 2, 0x5e: 3, 0x61: 1, 0x62: 1, 0x66: 1, 0x68: 1, 0x6a: 1, 0x72: 1,
  0x77: 1,
};
const CUT_WITH_FEED = new Set([0x41, 0x42, 0x61, 0x62, 0x67, 0x68]);

const at = (h: readonly number[], i: number): number => h[i] ?? 0;
const fixed = (table: Readonly<Record<number, number>>, code: number): Shape => ({
  header: 2 + (table[code] ?? 0),
  data: 0,
});

/** The shape of a command from its first header bytes; undefined while more are needed. */
function shapeOf(h: readonly number[]): Shape | undefined {
  if (h.length < 2) return undefined;
  const code = at(h, 1);
  switch (at(h, 0)) {
    case ESC:
      if (code === 0x2a) {
        if (h.length < 5) return undefined;
        const dots = at(h, 3) + 256 * at(h, 4);
        return { header: 5, data: dots * (at(h, 2) >= 32 ? 3 : 1) };
      }
      if (code === 0x44) return { header: 2, data: 'nul' };
      return fixed(ESC_PARAMS, code);
    case FS:
      return fixed(FS_PARAMS, code);
    case DLE:
      if (code === 0x04 || code === 0x05) return { header: 3, data: 0 };
      if (code === 0x14)
        return h.length < 3 ? undefined : { header: at(h, 2) === 8 ? 10 : 5, data: 0 };
      return { header: 2, data: 0 };
    default:
      return gsShape(h, code);
  }
}

function gsShape(h: readonly number[], code: number): Shape | undefined {
  switch (code) {
    case 0x56: // GS V m [n]
      return h.length < 3 ? undefined : { header: CUT_WITH_FEED.has(at(h, 2)) ? 4 : 3, data: 0 };
    case 0x28: // GS ( fn pL pH data
      return h.length < 5 ? undefined : { header: 5, data: at(h, 3) + 256 * at(h, 4) };
    case 0x76: // GS v 0 m xL xH yL yH data
      if (h.length < 3) return undefined;
      if (at(h, 2) !== 0x30) return { header: 3, data: 0 };
      if (h.length < 8) return undefined;
      return { header: 8, data: (at(h, 4) + 256 * at(h, 5)) * (at(h, 6) + 256 * at(h, 7)) };
    case 0x6b: // GS k m … : function A NUL-terminated, function B length-prefixed
      if (h.length < 3) return undefined;
      if (at(h, 2) <= 6) return { header: 3, data: 'nul' };
      return h.length < 4 ? undefined : { header: 4, data: at(h, 3) };
    case 0x2a: // GS * x y data
      return h.length < 4 ? undefined : { header: 4, data: at(h, 2) * at(h, 3) * 8 };
    case 0x38: // GS 8 L p1 p2 p3 p4 data
      if (h.length < 3) return undefined;
      if (at(h, 2) !== 0x4c && at(h, 2) !== 0x44) return { header: 3, data: 0 };
      if (h.length < 7) return undefined;
      return {
        header: 7,
        data: at(h, 3) + 256 * at(h, 4) + 65536 * at(h, 5) + 16777216 * at(h, 6),
      };
    default:
      return fixed(GS_PARAMS, code);
  }
}

/** Options of the parser. */
export interface EscPosParserOptions {
  /** Largest command data kept (bigger data is counted and dropped). Default 1 MiB. */
  readonly maxDataBytes?: number;
}

/** Streaming ESC/POS tokeniser; keeps partial commands between pushes. */
export class EscPosStreamParser {
  private readonly maxData: number;
  private header: number[] = [];
  private shape: Shape | undefined;
  private data: Uint8Array[] | undefined;
  private dataSeen = 0;

  constructor(options: EscPosParserOptions = {}) {
    this.maxData = options.maxDataBytes ?? 1 << 20;
  }

  /** True while a command is incomplete (its header or data still arriving). */
  get midCommand(): boolean {
    return this.header.length > 0;
  }

  /** Forgets a partial command. */
  reset(): void {
    this.header = [];
    this.shape = undefined;
    this.data = undefined;
    this.dataSeen = 0;
  }

  /** Feeds bytes; returns the tokens they complete, in order. */
  push(bytes: Uint8Array): EscPosToken[] {
    const out: EscPosToken[] = [];
    let textStart = -1;
    const flushText = (end: number): void => {
      if (textStart >= 0 && end > textStart)
        out.push({ kind: 'text', bytes: bytes.slice(textStart, end) });
      textStart = -1;
    };
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      if (this.shape !== undefined) {
        i = this.takeData(bytes, i, out) - 1;
        continue;
      }
      if (this.header.length > 0) {
        this.header.push(b);
        this.headerGrew(out);
        continue;
      }
      if (b === ESC || b === GS || b === FS || b === DLE) {
        flushText(i);
        this.header = [b];
        continue;
      }
      if (b >= 0x20 || b === 0x09) {
        if (textStart < 0) textStart = i;
        continue;
      }
      flushText(i);
      out.push({ kind: 'control', byte: b });
    }
    flushText(bytes.length);
    return out;
  }

  private headerGrew(out: EscPosToken[]): void {
    const shape = shapeOf(this.header);
    if (shape === undefined || this.header.length < shape.header) return;
    if (shape.data === 0) {
      out.push({
        kind: 'command',
        header: Uint8Array.from(this.header),
        data: new Uint8Array(),
        dataLength: 0,
      });
      this.reset();
      return;
    }
    this.shape = shape;
    this.dataSeen = 0;
    this.data = shape.data === 'nul' || shape.data <= this.maxData ? [] : undefined;
  }

  /** Consumes command data from `i`; returns the index of the first byte not consumed. */
  private takeData(bytes: Uint8Array, i: number, out: EscPosToken[]): number {
    const shape = this.shape;
    if (shape === undefined) return i;
    if (shape.data === 'nul') {
      const b = bytes[i] ?? 0;
      if (b === 0) {
        this.finish(out);
        return i + 1;
      }
      this.data?.push(Uint8Array.of(b));
      this.dataSeen++;
      if (this.dataSeen >= NUL_TERMINATED_MAX) this.finish(out);
      return i + 1;
    }
    const n = Math.min(shape.data - this.dataSeen, bytes.length - i);
    this.data?.push(bytes.slice(i, i + n));
    this.dataSeen += n;
    if (this.dataSeen >= shape.data) this.finish(out);
    return i + n;
  }

  private finish(out: EscPosToken[]): void {
    out.push({
      kind: 'command',
      header: Uint8Array.from(this.header),
      data: this.data === undefined ? undefined : joinChunks(this.data, this.dataSeen),
      dataLength: this.dataSeen,
    });
    this.reset();
  }
}

function joinChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
